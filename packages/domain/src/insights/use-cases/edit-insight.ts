import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { guardInsightText, recordInsightFindings } from '../../privacy/guard-insight';
import { ForbiddenError } from '../../shared/errors';
import { type Insight, type InsightKind, normaliseTags, type Sentiment, type Visibility } from '../insight';
import type { InsightChanges } from '../insight-repository.port';
import { checkInsightDraft } from '../insight-rules';
import { loadReadableInsight } from '../load-readable';
import { canEditInsight } from '../visibility';

export interface EditInsightInput {
  actor: Person;
  insightId: string;
  title?: string;
  body?: string;
  kind?: InsightKind;
  sentiment?: Sentiment;
  tags?: string[];
  customerIds?: string[];
  visibility?: Visibility;
}

/** Changes what an insight says or who may see it; the reporter, curators and admins may. */
export async function editInsight(deps: Deps, input: EditInsightInput): Promise<Insight> {
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  if (!canEditInsight(input.actor, insight)) {
    throw new ForbiddenError(
      'INSIGHT.NOT_EDITABLE',
      'Only the reporter, a curator or an admin may edit this insight.',
    );
  }
  const issues = await checkInsightDraft(deps, input, { requireBody: false });
  issues.throwIfAny();

  const guarded = await guardInsightText(deps, { title: input.title?.trim(), body: input.body?.trim() });
  const changes: InsightChanges = {};
  if (input.body !== undefined) changes.body = guarded.body ?? input.body.trim();
  if (input.title !== undefined) changes.title = guarded.title || insight.title;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.sentiment !== undefined) changes.sentiment = input.sentiment;
  if (input.tags !== undefined) changes.tags = normaliseTags(input.tags);
  if (input.customerIds !== undefined) changes.customerIds = [...new Set(input.customerIds)];
  if (input.visibility !== undefined) changes.visibility = input.visibility;

  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const updated = await tx.insights.update(insight.id, changes, now);
    await recordAudit(tx.audit, input.actor.id, 'insight.edited', { type: 'insight', id: insight.id }, now, {
      fields: Object.keys(changes),
    });
    await recordInsightFindings(tx, insight.id, guarded, input.actor.id, now);
    await tx.outbox.publish({ type: 'insight.edited', insightId: insight.id });
    return updated;
  });
}
