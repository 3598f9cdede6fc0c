import { canCurate, isDomainError, listFeed, type Person, readScopeFor, triageInsight } from '@heard/domain';
import { type AppLoadContext, data } from 'react-router';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { type FieldErrors, toFieldErrors } from '../lib/errors.server';
import { toCard } from './feed.server';

/** How many insights one page of the queue holds. */
export const QUEUE_PAGE_SIZE = 20;

/** The curation pages answer 403 for anyone who is not a curator (or an admin standing in for one). */
export function requireCurator(actor: Person, what: string): void {
  if (!canCurate(actor)) throw data(`Only curators can ${what}.`, { status: 403 });
}

/** The bulk form: which button was pressed, and the ticked insights. */
export const CurationFormSchema = z.object({
  intent: z.enum(['triage', 'archive'], { error: 'Choose what to do with the selected insights.' }),
  insightIds: z.array(z.string()).default([]),
});
export type CurationForm = z.infer<typeof CurationFormSchema>;

const STATE_FOR = { triage: 'triaged', archive: 'archived' } as const;

/** New insights the curator may read, newest first, one keyset page at a time. */
export async function loadCurationQueue(context: AppLoadContext, actor: Person, url: URL) {
  const after = decodeCursor(url.searchParams.get('after'));
  const [page, waiting] = await Promise.all([
    listFeed(context.hub.deps, { actor, filters: { triage: 'new' }, after, limit: QUEUE_PAGE_SIZE }),
    context.hub.views.curationCount(readScopeFor(actor)),
  ]);
  return {
    items: page.items.map(toCard),
    waiting,
    nextHref: page.next ? `/curation?after=${encodeCursor(page.next)}` : null,
    isFirstPage: after === null,
    now: new Date().toISOString(),
  };
}

export type CurationResult =
  | { ok: true; intent: CurationForm['intent']; updated: number }
  | { ok: false; errors: FieldErrors };

/** Runs the bulk form through `triageInsight`; refusals come back as messages for the form. */
export async function handleCurationForm(
  context: AppLoadContext,
  actor: Person,
  form: FormData,
): Promise<CurationResult> {
  const parsed = CurationFormSchema.safeParse({
    intent: form.get('intent') ?? undefined,
    insightIds: form.getAll('insightIds'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, errors: { [String(issue.path[0] ?? 'form')]: issue.message } };
  }
  const { intent, insightIds } = parsed.data;
  try {
    const { updated } = await triageInsight(context.hub.deps, {
      actor,
      insightIds,
      state: STATE_FOR[intent],
    });
    return { ok: true, intent, updated };
  } catch (error) {
    // A selection that went stale (another curator, a changed audience) is a message, not a 404 page.
    if (isDomainError(error) && error.kind === 'not_found')
      return { ok: false, errors: { form: error.message } };
    return { ok: false, errors: toFieldErrors(error) };
  }
}
