import {
  type Action,
  canReadInsight,
  type Deps,
  type Evidence,
  type FeedItem,
  type Goal,
  type Insight,
  type Person,
} from '@heard/domain';
import type { ActionResponse, EvidenceResponse, GoalResponse, InsightResponse } from './schemas';

/** A feed item as the API shows it; the feed query has already resolved the names. */
export function presentFeedItem(item: FeedItem): InsightResponse {
  return {
    id: item.id,
    title: item.title,
    body: item.body,
    kind: item.kind,
    sentiment: item.sentiment,
    source: item.source,
    reporter: { id: item.reporter.id, name: item.reporter.name },
    customers: item.customers.map((c) => ({ id: c.id, name: c.name })),
    goals: item.goals,
    tags: item.tags,
    visibility: item.visibility,
    triage: item.triage,
    hasStory: item.hasStory,
    evidenceCount: item.evidenceCount,
    reactionCount: item.reactionCount,
    createdAt: item.createdAt.toISOString(),
  };
}

/** One insight in the same shape as the list's items, so clients handle one kind of object. */
export async function presentInsight(deps: Deps, insight: Insight): Promise<InsightResponse> {
  const [reporter, customers, goals] = await Promise.all([
    deps.people.findById(insight.reporterId),
    deps.customers.findByIds(insight.customerIds),
    deps.goals.findByIds(insight.goals.map((g) => g.goalId)),
  ]);
  return {
    id: insight.id,
    title: insight.title,
    body: insight.body,
    kind: insight.kind,
    sentiment: insight.sentiment,
    source: { kind: insight.source.kind, url: insight.source.url },
    reporter: { id: insight.reporterId, name: reporter?.name ?? '' },
    // Ordered as the feed orders them, so both ways of reading an insight agree.
    customers: customers
      .map((c) => ({ id: c.id, name: c.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    goals: goals.map((g) => ({ id: g.id, title: g.title })).sort((a, b) => a.title.localeCompare(b.title)),
    tags: insight.tags,
    visibility: insight.visibility,
    triage: insight.triage,
    hasStory: insight.story !== null,
    evidenceCount: insight.evidenceCount,
    reactionCount: insight.reactionCount,
    createdAt: insight.createdAt.toISOString(),
  };
}

export function presentEvidence(evidence: Evidence): EvidenceResponse {
  return { ...evidence, createdAt: evidence.createdAt.toISOString() };
}

const nameOf = (people: Person[], id: string) => people.find((p) => p.id === id)?.name ?? '';

export async function presentGoals(deps: Deps, goals: Goal[]): Promise<GoalResponse[]> {
  const owners = await deps.people.findByIds([...new Set(goals.map((g) => g.ownerId))]);
  return goals.map((goal) => ({
    id: goal.id,
    title: goal.title,
    why: goal.why,
    status: goal.status,
    owner: { id: goal.ownerId, name: nameOf(owners, goal.ownerId) },
    kpi: goal.kpi,
    mandate: goal.mandate,
    createdAt: goal.createdAt.toISOString(),
  }));
}

/**
 * Actions with their assignees; cited insights the actor may not read are left out, so an
 * action does not reveal that a restricted insight exists.
 */
export async function presentActions(
  deps: Deps,
  actor: Person,
  actions: Action[],
): Promise<ActionResponse[]> {
  const [assignees, cited] = await Promise.all([
    deps.people.findByIds([...new Set(actions.map((a) => a.assigneeId))]),
    deps.insights.findByIds([...new Set(actions.flatMap((a) => a.citedInsightIds))]),
  ]);
  const readable = new Set(cited.filter((i) => canReadInsight(actor, i)).map((i) => i.id));
  return actions.map((action) => ({
    id: action.id,
    goalId: action.goalId,
    title: action.title,
    assignee: { id: action.assigneeId, name: nameOf(assignees, action.assigneeId) },
    status: action.status,
    dueDate: action.dueDate,
    citedInsightIds: action.citedInsightIds.filter((id) => readable.has(id)),
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
  }));
}
