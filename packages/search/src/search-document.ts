import type { Customer, Insight, SearchDocument } from '@heard/domain';

/** Builds what the engines index from an insight and the customers it concerns. */
export function toSearchDocument(
  insight: Insight,
  context: { customers: Customer[]; reporterTeamId: string | null },
): SearchDocument {
  const byId = new Map(context.customers.map((c) => [c.id, c]));
  const customers = insight.customerIds
    .map((id) => byId.get(id))
    .filter((c): c is Customer => c !== undefined);
  return {
    id: insight.id,
    title: insight.title,
    body: insight.body,
    tags: insight.tags,
    customerNames: customers.map((c) => c.name),
    story: insight.story && {
      headline: insight.story.headline,
      summary: insight.story.summary,
      pullQuote: insight.story.pullQuote,
    },
    kind: insight.kind,
    sentiment: insight.sentiment,
    source: insight.source.kind,
    reporterId: insight.reporterId,
    teamId: context.reporterTeamId,
    goalIds: insight.goals.map((g) => g.goalId),
    customerIds: customers.map((c) => c.id),
    segments: [...new Set(customers.map((c) => c.segment).filter((s): s is string => s !== null))],
    triage: insight.triage,
    visibility: insight.visibility,
    evidenceCount: insight.evidenceCount,
    reactionCount: insight.reactionCount,
    customerValue: customers.reduce((sum, c) => sum + (c.value ?? 0), 0),
    createdAt: insight.createdAt,
  };
}
