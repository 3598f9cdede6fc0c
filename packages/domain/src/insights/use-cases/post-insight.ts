import { recordAudit } from '../../audit/record';
import type { CustomerReference } from '../../customers/customer-reference';
import { resolveCustomerIds } from '../../customers/use-cases/resolve-customer';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { guardInsightText, type PrivacyNotice, recordInsightFindings } from '../../privacy/guard-insight';
import { DomainError } from '../../shared/errors';
import {
  type AttachmentMeta,
  deriveTitle,
  type Insight,
  type InsightKind,
  normaliseTags,
  type Sentiment,
  type SourceKind,
  type Visibility,
} from '../insight';
import { checkInsightDraft } from '../insight-rules';
import { canReadInsight } from '../visibility';

export interface PostInsightInput {
  actor: Person;
  title?: string | null;
  body: string;
  kind: InsightKind;
  sentiment: Sentiment;
  source: { kind: SourceKind; url?: string | null; externalId?: string | null };
  customerIds?: string[];
  /** Customers as the source names them (name, email, CRM id …), matched to existing customers. */
  customers?: CustomerReference[];
  tags?: string[];
  goalIds?: string[];
  visibility?: Visibility;
  attachments?: AttachmentMeta[];
}

export interface PostInsightResult {
  insight: Insight;
  /** False when the same source message was shared before: the earlier insight is returned. */
  created: boolean;
  /** What intake masked or flagged in the text, and why, to tell the reporter. */
  privacy?: PrivacyNotice[];
}

/** Posts an insight from any source (web, Slack, Teams, API, import); every edge calls this. */
export async function postInsight(deps: Deps, input: PostInsightInput): Promise<PostInsightResult> {
  const externalId = input.source.externalId ?? null;
  if (externalId) {
    const earlier = await deps.insights.findBySourceExternalId(input.source.kind, externalId);
    if (earlier && !canReadInsight(input.actor, earlier)) {
      // Someone else shared this message with an audience the actor is not in: say so, show nothing of it.
      throw new DomainError(
        'INSIGHT.ALREADY_SHARED',
        'This message was already shared to Heard by someone else, and is not visible to you.',
        'conflict',
      );
    }
    if (earlier) return { insight: earlier, created: false };
  }
  const goalIds = [...new Set(input.goalIds ?? [])];
  const customerIds = [...new Set(input.customerIds ?? [])];
  const issues = await checkInsightDraft(deps, { ...input, goalIds, customerIds }, { requireBody: true });
  issues.throwIfAny();

  const now = deps.clock.now();
  const body = input.body.trim();
  const guarded = await guardInsightText(deps, { title: input.title?.trim(), body });
  return deps.transaction(async (tx) => {
    const referenced = await resolveCustomerIds(
      tx,
      input.customers ?? [],
      { source: input.source.kind, actorId: input.actor.id, detail: input.source.url ?? null },
      now,
    );
    const insight = await tx.insights.create({
      title: guarded.title || deriveTitle(guarded.body ?? body),
      body: guarded.body ?? body,
      kind: input.kind,
      sentiment: input.sentiment,
      source: { kind: input.source.kind, url: input.source.url ?? null, externalId },
      reporterId: input.actor.id,
      customerIds: [...new Set([...customerIds, ...referenced])],
      tags: normaliseTags(input.tags ?? []),
      goals: goalIds.map((goalId) => ({ goalId, rationale: null, linkedBy: input.actor.id, linkedAt: now })),
      visibility: input.visibility ?? { scope: 'everyone' },
      attachments: input.attachments ?? [],
      createdAt: now,
    });
    await recordAudit(tx.audit, input.actor.id, 'insight.posted', { type: 'insight', id: insight.id }, now, {
      source: insight.source.kind,
    });
    await recordInsightFindings(tx, insight.id, guarded, input.actor.id, now);
    await tx.outbox.publish({ type: 'insight.posted', insightId: insight.id });
    for (const goalId of goalIds) {
      await tx.outbox.publish({
        type: 'insight.linked_to_goal',
        insightId: insight.id,
        goalId,
        linkedBy: input.actor.id,
      });
    }
    return { insight, created: true, privacy: guarded.notices };
  });
}
