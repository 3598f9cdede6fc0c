import { canCurate, decideCustomerReview, type Person } from '@heard/domain';
import { type AppLoadContext, data } from 'react-router';
import { z } from 'zod';
import { toFieldErrors } from '../lib/errors.server';

/** Curators and admins decide pairs, merge and unmerge customers. */
export function requireCustomerCurator(actor: Person, what: string): void {
  if (!canCurate(actor)) throw data(`Only curators and admins can ${what}.`, { status: 403 });
}

export const ReviewDecisionSchema = z.object({
  reviewId: z.string().min(1, 'Pick a pair to decide.'),
  decision: z.enum(['confirm', 'reject'], { error: 'Confirm or reject the pair.' }),
});

/** Confirms (merges) or rejects one pair; answers what happened, for the notice above the queue. */
export async function decideReview(context: AppLoadContext, actor: Person, form: FormData) {
  const parsed = ReviewDecisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false as const, errors: { form: parsed.error.issues[0]!.message } };
  try {
    const { merge } = await decideCustomerReview(context.hub.deps, { actor, ...parsed.data });
    return {
      ok: true as const,
      decision: parsed.data.decision,
      survivorId: merge?.survivorId ?? null,
      mergeId: merge?.id ?? null,
    };
  } catch (error) {
    return { ok: false as const, errors: toFieldErrors(error) };
  }
}
