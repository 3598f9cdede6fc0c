import {
  attachToInsight,
  canCurate,
  canEditInsight,
  checkAttachments,
  commentOnInsight,
  isDomainError,
  listInsightComments,
  listInsightHistory,
  loadReadableInsight,
  mediaKindOf,
  type Person,
  reactToInsight,
  undoMerge,
} from '@heard/domain';
import { type AppLoadContext, data, redirect } from 'react-router';
import { z } from 'zod';
import { rethrowAsResponse, toFieldErrors } from '../lib/errors.server';
import { renderMarkdown } from '../lib/markdown.server';
import { readUploads, removeStored, storeUploads } from './attachments.server';

/** Everything the insight page shows; a merged duplicate answers with a redirect to the insight kept. */
export async function loadInsightPage(context: AppLoadContext, actor: Person, id: string, url: URL) {
  const { deps } = context.hub;
  const insight = await loadReadableInsight(deps, actor, id).catch(rethrowAsResponse);
  const mergedInto = await deps.merges.findActiveByDuplicate(insight.id);
  if (mergedInto) throw redirect(`/insights/${mergedInto.survivorId}?merged=${insight.id}`);
  const [reporter, customers, goals, comments, history, mergedHere] = await Promise.all([
    deps.people.findById(insight.reporterId),
    deps.customers.findByIds(insight.customerIds),
    deps.goals.findByIds(insight.goals.map((g) => g.goalId)),
    listInsightComments(deps, { actor, insightId: insight.id }),
    listInsightHistory(deps, { actor, insightId: insight.id }),
    deps.merges.listActiveBySurvivor(insight.id),
  ]);
  const personIds = [
    ...new Set([...comments.map((c) => c.authorId), ...history.flatMap((h) => h.actorId ?? [])]),
  ];
  const duplicateIds = mergedHere.map((m) => m.duplicateId);
  const [people, duplicates] = await Promise.all([
    deps.people.findByIds(personIds),
    deps.insights.findByIds(duplicateIds),
  ]);
  const nameOf = (personId: string | null) => people.find((p) => p.id === personId)?.name ?? 'Heard';
  const titleOf = (insightId: string) => duplicates.find((d) => d.id === insightId)?.title ?? 'an insight';
  const from = url.searchParams.get('merged');
  return {
    insight: {
      id: insight.id,
      title: insight.title,
      html: renderMarkdown(insight.body),
      kind: insight.kind,
      sentiment: insight.sentiment,
      source: insight.source,
      tags: insight.tags,
      triage: insight.triage,
      story: insight.story && {
        headline: insight.story.headline,
        summary: insight.story.summary,
        pullQuote: insight.story.pullQuote,
        status: insight.story.status,
      },
      evidenceCount: insight.evidenceCount,
      reactionCount: insight.reactionCount,
      createdAt: insight.createdAt.toISOString(),
    },
    reporter: reporter ? { name: reporter.name } : null,
    customers: customers.map((c) => ({ id: c.id, name: c.name, segment: c.segment })),
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      rationale: insight.goals.find((l) => l.goalId === g.id)?.rationale ?? null,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: nameOf(c.authorId),
      html: renderMarkdown(c.body),
      createdAt: c.createdAt.toISOString(),
    })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      who: nameOf(h.actorId),
      summary: h.summary,
      relatedInsightId: h.relatedInsightId,
    })),
    mergedHere: mergedHere.map((m) => ({
      mergeId: m.id,
      duplicateId: m.duplicateId,
      title: titleOf(m.duplicateId),
      mergedAt: m.mergedAt.toISOString(),
    })),
    attachments: insight.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      kind: mediaKindOf(a),
      url: `/insights/${insight.id}/attachments/${a.id}`,
    })),
    canAttach: canEditInsight(actor, insight),
    /** Set when the reader followed a link to a duplicate merged into this insight. */
    arrivedFrom: from && duplicateIds.includes(from) ? { id: from, title: titleOf(from) } : null,
    canCurate: canCurate(actor),
    now: new Date().toISOString(),
  };
}

const InsightFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('me-too') }),
  z.object({ intent: z.literal('comment'), body: z.string().default('') }),
  z.object({ intent: z.literal('undo-merge'), mergeId: z.string().min(1, 'Choose a merge to undo.') }),
  z.object({ intent: z.literal('attach') }),
]);

export type InsightActionResult =
  | { intent: 'me-too'; added: boolean }
  | { intent: 'comment'; ok: true; commentId: string }
  | { intent: 'attach'; ok: true; added: number }
  | {
      intent: 'comment' | 'undo-merge' | 'attach';
      ok: false;
      errors: Record<string, string>;
      values: { body?: string };
    };

/** The insight page's forms: "me too", a comment, undoing a merge. */
export async function handleInsightForm(context: AppLoadContext, actor: Person, id: string, form: FormData) {
  const parsed = InsightFormSchema.safeParse({
    intent: form.get('intent') ?? 'me-too',
    body: form.get('body') ?? undefined,
    mergeId: form.get('mergeId') ?? undefined,
  });
  if (!parsed.success)
    throw data(parsed.error.issues[0]?.message ?? 'That form is not one this page knows.', { status: 400 });
  const { deps } = context.hub;
  const command = parsed.data;
  if (command.intent === 'me-too') {
    const result = await reactToInsight(deps, { actor, insightId: id }).catch(rethrowAsResponse);
    return { intent: 'me-too', added: result.added } satisfies InsightActionResult;
  }
  if (command.intent === 'comment') {
    try {
      const comment = await commentOnInsight(deps, { actor, insightId: id, body: command.body });
      return { intent: 'comment', ok: true, commentId: comment.id } satisfies InsightActionResult;
    } catch (error) {
      const result: InsightActionResult = {
        intent: 'comment',
        ok: false,
        errors: toFieldErrors(error),
        values: { body: command.body },
      };
      return data(result, { status: 422 });
    }
  }
  if (command.intent === 'attach') return attachFiles(context, actor, id, form);
  try {
    const merge = await undoMerge(deps, { actor, mergeId: command.mergeId });
    return redirect(`/insights/${merge.duplicateId}?restored=1`);
  } catch (error) {
    if (isDomainError(error) && error.kind === 'forbidden') rethrowAsResponse(error);
    const result: InsightActionResult = {
      intent: 'undo-merge',
      ok: false,
      errors: toFieldErrors(error),
      values: {},
    };
    return data(result, { status: isDomainError(error) && error.kind === 'conflict' ? 409 : 422 });
  }
}

/** Adds pictures or video to an insight: judged and thumbnailed before anything is stored. */
async function attachFiles(context: AppLoadContext, actor: Person, id: string, form: FormData) {
  const { deps, uploadsDir } = context.hub;
  let stored: Awaited<ReturnType<typeof storeUploads>> = [];
  try {
    const uploads = await readUploads(form, 'attachments');
    const types = await checkAttachments(deps, {
      actor,
      insightId: id,
      files: uploads.map((u) => u.incoming),
    });
    stored = await storeUploads(uploadsDir, uploads, types);
    await attachToInsight(deps, { actor, insightId: id, attachments: stored });
    return { intent: 'attach', ok: true, added: stored.length } satisfies InsightActionResult;
  } catch (error) {
    await removeStored(uploadsDir, stored);
    if (isDomainError(error) && error.kind === 'forbidden') rethrowAsResponse(error);
    const result: InsightActionResult = {
      intent: 'attach',
      ok: false,
      errors: toFieldErrors(error),
      values: {},
    };
    return data(result, { status: 422 });
  }
}
