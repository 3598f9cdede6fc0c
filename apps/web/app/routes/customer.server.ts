import { canCurate, mergeCustomers, type Person, unmergeCustomers } from '@heard/domain';
import { type AppLoadContext, data } from 'react-router';
import { z } from 'zod';
import { toFieldErrors } from '../lib/errors.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an identifier came from, in words. */
export function sourceWords(source: string): string {
  if (source.startsWith('import:')) return `import from ${source.slice('import:'.length)}`;
  const words: Record<string, string> = {
    web: 'the hub',
    slack: 'Slack',
    teams: 'Microsoft Teams',
    api: 'the API',
    email: 'email',
    review: 'a confirmed match',
    earlier: 'recorded before sources were kept',
  };
  return words[source] ?? source;
}

export const ValueSchema = z.object({
  segment: z.string().trim().max(80, 'A segment takes at most 80 characters.'),
  value: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d+(\.\d{1,2})?$/.test(v) && Number(v) < 1e12),
      'Write the yearly value as a number, e.g. 120000.',
    ),
});

type Outcome =
  | { ok: true; intent: 'merge'; mergedName: string; mergeId: string }
  | { ok: true; intent: 'unmerge'; restoredId: string; restoredName: string }
  | { ok: true; intent: 'value' }
  | { ok: false; intent: string; errors: Record<string, string>; choices?: { id: string; name: string }[] };

/** The customer page's forms: merge another customer in, undo a merge, set segment and value. */
export async function handleCustomerForm(
  context: AppLoadContext,
  actor: Person,
  customerId: string,
  form: FormData,
): Promise<Outcome> {
  const intent = String(form.get('intent') ?? '');
  if (!canCurate(actor)) throw data('Only curators and admins can change customers.', { status: 403 });
  const { deps } = context.hub;
  try {
    if (intent === 'merge') {
      const asked = String(form.get('other') ?? '').trim();
      if (!asked)
        return { ok: false, intent, errors: { other: 'Name the customer to merge into this one.' } };
      let otherId = UUID.test(asked) ? asked : null;
      if (!otherId) {
        const found = (await context.hub.lookups.customers(asked, 6)).filter((c) => c.id !== customerId);
        if (found.length === 0)
          return { ok: false, intent, errors: { other: `No other customer is called “${asked}”.` } };
        if (found.length > 1)
          return {
            ok: false,
            intent,
            errors: { other: `Several customers match “${asked}”: pick one.` },
            choices: found.map((c) => ({ id: c.id, name: c.name })),
          };
        otherId = found[0]!.id;
      }
      const other = await deps.customers.findById(otherId);
      const merge = await mergeCustomers(deps, { actor, survivorId: customerId, mergedId: otherId });
      return { ok: true, intent, mergedName: other?.name ?? 'The customer', mergeId: merge.id };
    }
    if (intent === 'unmerge') {
      const merge = await unmergeCustomers(deps, { actor, mergeId: String(form.get('mergeId') ?? '') });
      const restored = await deps.customers.findById(merge.mergedId);
      return { ok: true, intent, restoredId: merge.mergedId, restoredName: restored?.name ?? 'The customer' };
    }
    if (intent === 'value') {
      const parsed = ValueSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success)
        return {
          ok: false,
          intent,
          errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
        };
      const saved = await context.hub.customers.setValue(customerId, {
        segment: parsed.data.segment || null,
        value: parsed.data.value === '' ? null : Number(parsed.data.value),
      });
      if (!saved) throw data('No customer has that id.', { status: 404 });
      return { ok: true, intent };
    }
    return { ok: false, intent, errors: { form: 'Choose what to do.' } };
  } catch (error) {
    return { ok: false, intent, errors: toFieldErrors(error) };
  }
}
