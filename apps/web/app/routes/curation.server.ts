import {
  canCurate,
  canReadInsight,
  isDomainError,
  listFeed,
  mergeInsights,
  type Person,
  readScopeFor,
  triageInsight,
  undoMerge,
} from '@heard/domain';
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
  intent: z.enum(['triage', 'archive', 'merge', 'undo-merge'], {
    error: 'Choose what to do with the selected insights.',
  }),
  insightIds: z.array(z.string()).default([]),
  /** Merging: the insight that stays; the other selected ones fold into it. */
  survivorId: z.string().optional(),
  mergeIds: z.array(z.string()).default([]),
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
  | { ok: true; intent: 'triage' | 'archive'; updated: number }
  | { ok: true; intent: 'merge'; survivor: { id: string; title: string }; mergeIds: string[] }
  | { ok: true; intent: 'undo-merge'; restored: number }
  | { ok: false; errors: FieldErrors; chooseSurvivor?: { id: string; title: string }[] };

/** Runs the bulk form through `triageInsight`; refusals come back as messages for the form. */
export async function handleCurationForm(
  context: AppLoadContext,
  actor: Person,
  form: FormData,
): Promise<CurationResult> {
  const parsed = CurationFormSchema.safeParse({
    intent: form.get('intent') ?? undefined,
    insightIds: form.getAll('insightIds'),
    survivorId: form.get('survivorId') || undefined,
    mergeIds: form.getAll('mergeIds'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, errors: { [String(issue.path[0] ?? 'form')]: issue.message } };
  }
  const { intent, insightIds } = parsed.data;
  if (intent === 'merge') return mergeSelected(context, actor, insightIds, parsed.data.survivorId);
  if (intent === 'undo-merge') return undoMerges(context, actor, parsed.data.mergeIds);
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

/**
 * Merges the ticked insights into the one chosen to stay. Without a choice yet, answers
 * with the ticked insights to pick from (the form keeps the selection).
 */
async function mergeSelected(
  context: AppLoadContext,
  actor: Person,
  insightIds: string[],
  survivorId: string | undefined,
): Promise<CurationResult> {
  const ids = [...new Set(insightIds)];
  if (ids.length < 2) {
    return {
      ok: false,
      errors: { insightIds: 'Tick at least two insights that say the same thing, then choose Merge.' },
    };
  }
  const selected = (await context.hub.deps.insights.findByIds(ids)).filter((i) => canReadInsight(actor, i));
  const candidates = ids.flatMap((id) => {
    const insight = selected.find((i) => i.id === id);
    return insight ? [{ id, title: insight.title }] : [];
  });
  if (!survivorId || !ids.includes(survivorId)) {
    return {
      ok: false,
      errors: survivorId ? { survivorId: 'Choose one of the selected insights to keep.' } : {},
      chooseSurvivor: candidates,
    };
  }
  const mergeIds: string[] = [];
  try {
    for (const duplicateId of ids.filter((id) => id !== survivorId)) {
      const merge = await mergeInsights(context.hub.deps, { actor, duplicateId, survivorId });
      mergeIds.push(merge.id);
    }
  } catch (error) {
    // Merges already made stay made (each is whole and undoable); say which one stopped.
    await undoMergesQuietly(context, actor, mergeIds);
    const errors =
      isDomainError(error) && error.kind === 'not_found' ? { form: error.message } : toFieldErrors(error);
    return {
      ok: false,
      errors: errors.survivorId ? { form: errors.survivorId } : errors,
      chooseSurvivor: candidates,
    };
  }
  const survivor = candidates.find((c) => c.id === survivorId)!;
  return { ok: true, intent: 'merge', survivor, mergeIds };
}

/** All or nothing for a bulk merge: a refusal halfway puts back the merges already made. */
async function undoMergesQuietly(context: AppLoadContext, actor: Person, mergeIds: string[]): Promise<void> {
  for (const mergeId of [...mergeIds].reverse()) await undoMerge(context.hub.deps, { actor, mergeId });
}

async function undoMerges(
  context: AppLoadContext,
  actor: Person,
  mergeIds: string[],
): Promise<CurationResult> {
  if (mergeIds.length === 0) return { ok: false, errors: { form: 'Choose a merge to undo.' } };
  try {
    for (const mergeId of [...mergeIds].reverse()) await undoMerge(context.hub.deps, { actor, mergeId });
  } catch (error) {
    const errors = toFieldErrors(error);
    return {
      ok: false,
      errors: { form: errors.form ?? Object.values(errors)[0] ?? 'The merge could not be undone.' },
    };
  }
  return { ok: true, intent: 'undo-merge', restored: mergeIds.length };
}
