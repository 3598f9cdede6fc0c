import type { FeedFilters, FeedItem, FeedPage, FeedQuery, FeedSort } from '../insights/feed';
import type { Insight } from '../insights/insight';
import type { InsightRepository } from '../insights/insight-repository.port';
import { canReadInsight, type ReadScope } from '../insights/visibility';
import { clone } from './clone';
import { type InMemoryState, mustExist } from './state';

/** Insights, their reactions, evidence, goal links and stories, kept in memory. */
export function createInMemoryInsightRepository(
  state: InMemoryState,
  newId: () => string,
): InsightRepository {
  const stored = (id: string) => mustExist(state.insights, id, 'insight');
  return {
    findById: async (id) => clone(state.insights.get(id) ?? null),
    findByIds: async (ids) => clone([...state.insights.values()].filter((i) => ids.includes(i.id))),
    findBySourceExternalId: async (sourceKind, externalId) =>
      clone(
        [...state.insights.values()].find(
          (i) => i.source.kind === sourceKind && i.source.externalId === externalId,
        ) ?? null,
      ),
    async create(insight) {
      const { kind, externalId } = insight.source;
      if (externalId !== null && [...state.insights.values()].some((i) => sameSource(i, kind, externalId))) {
        throw new Error('In-memory store: an insight from that source message exists (unique violation).');
      }
      checkBody(insight.body);
      mustExist(state.people, insight.reporterId, 'person');
      for (const id of insight.customerIds) mustExist(state.customers, id, 'customer');
      for (const link of insight.goals) mustExist(state.goals, link.goalId, 'goal');
      checkVisibilityRow(state, insight.visibility);
      const row: Insight = {
        ...clone(insight),
        id: newId(),
        triage: 'new',
        story: null,
        evidenceCount: 0,
        reactionCount: 0,
        updatedAt: new Date(insight.createdAt.getTime()),
      };
      state.insights.set(row.id, row);
      return clone(row);
    },
    async update(id, changes, at) {
      const row = stored(id);
      if (changes.customerIds) for (const c of changes.customerIds) mustExist(state.customers, c, 'customer');
      if (changes.visibility) checkVisibilityRow(state, changes.visibility);
      if (changes.body !== undefined) checkBody(changes.body);
      const given = Object.entries(changes).filter(([, value]) => value !== undefined);
      Object.assign(row, clone(Object.fromEntries(given)), { updatedAt: new Date(at.getTime()) });
      return clone(row);
    },
    async addReaction(reaction) {
      const row = stored(reaction.insightId);
      mustExist(state.people, reaction.personId, 'person');
      const twice = state.reactions.some(
        (r) =>
          r.insightId === reaction.insightId &&
          r.personId === reaction.personId &&
          r.emoji === reaction.emoji,
      );
      if (twice) return false;
      state.reactions.push(clone(reaction));
      row.reactionCount += 1;
      return true;
    },
    async addEvidence(evidence) {
      const row = stored(evidence.insightId);
      mustExist(state.customers, evidence.customerId, 'customer');
      mustExist(state.people, evidence.addedBy, 'person');
      const saved = { ...clone(evidence), id: newId() };
      state.evidence.push(saved);
      row.evidenceCount += 1;
      return clone(saved);
    },
    async linkGoal(insightId, link) {
      const row = stored(insightId);
      mustExist(state.goals, link.goalId, 'goal');
      // Linking twice keeps the first link (`on conflict do nothing`).
      if (!row.goals.some((g) => g.goalId === link.goalId)) row.goals.push(clone(link));
    },
    async setTriage(ids, triage, at) {
      for (const id of ids) {
        const row = state.insights.get(id);
        if (row) Object.assign(row, { triage, updatedAt: new Date(at.getTime()) });
      }
    },
    async setStory(id, story, at) {
      Object.assign(stored(id), { story: clone(story), updatedAt: new Date(at.getTime()) });
    },
    listFeed: async (query) => listFeed(state, query),
  };
}

function sameSource(insight: Insight, kind: string, externalId: string): boolean {
  return insight.source.kind === kind && insight.source.externalId === externalId;
}

/** The database's check on the body's length. */
function checkBody(body: string): void {
  if (body.length < 1 || body.length > 20_000) {
    throw new Error('In-memory store: the body must hold 1 to 20,000 characters (check violation).');
  }
}

/** The database's checks on visibility: a team that exists, at least one person, people who exist. */
function checkVisibilityRow(state: InMemoryState, visibility: Insight['visibility']): void {
  if (visibility.scope === 'team') mustExist(state.teams, visibility.teamId, 'team');
  if (visibility.scope === 'people') {
    if (visibility.personIds.length === 0)
      throw new Error('In-memory store: a people audience needs people.');
    for (const id of visibility.personIds) mustExist(state.people, id, 'person');
  }
}

/** The reader a scope stands for, so the fake applies exactly the domain's rule. */
function readerOf(scope: ReadScope) {
  return { id: scope.personId, teamId: scope.teamId, roles: scope.seesEverything ? ['admin' as const] : [] };
}

function matches(state: InMemoryState, insight: Insight, f: FeedFilters): boolean {
  const reporter = state.people.get(insight.reporterId);
  if (f.goalId && !insight.goals.some((g) => g.goalId === f.goalId)) return false;
  if (f.customerId) {
    const evidenced = state.evidence.some((e) => e.insightId === insight.id && e.customerId === f.customerId);
    if (!insight.customerIds.includes(f.customerId) && !evidenced) return false;
  }
  if (f.teamId && reporter?.teamId !== f.teamId) return false;
  if (f.tag && !insight.tags.includes(f.tag)) return false;
  if (f.kind && insight.kind !== f.kind) return false;
  if (f.source && insight.source.kind !== f.source) return false;
  if (f.sentiment && insight.sentiment !== f.sentiment) return false;
  if (f.triage && insight.triage !== f.triage) return false;
  if (f.segment && !insight.customerIds.some((id) => state.customers.get(id)?.segment === f.segment))
    return false;
  if (f.from && insight.createdAt < f.from) return false;
  if (f.to && insight.createdAt >= f.to) return false;
  return true;
}

/** Newest first, ties by id descending, strictly after the cursor; one extra row tells whether more follow. */
function listFeed(state: InMemoryState, query: FeedQuery): FeedPage {
  const reader = readerOf(query.scope);
  const sort = query.sort ?? 'newest';
  const offset = sort === 'newest' ? 0 : (query.offset ?? 0);
  const after =
    sort !== 'newest'
      ? null
      : query.after && !Number.isNaN(Date.parse(query.after.createdAt))
        ? query.after
        : null;
  const afterAt = after ? Date.parse(after.createdAt) : 0;
  const rows = [...state.insights.values()]
    .filter((i) => state.people.has(i.reporterId))
    .filter((i) => canReadInsight(reader, i))
    .filter((i) => matches(state, i, query.filters))
    .filter((i) => {
      if (!after) return true;
      const at = i.createdAt.getTime();
      return at < afterAt || (at === afterAt && i.id < after.id);
    })
    .sort((a, b) => rankOf(state, b, sort) - rankOf(state, a, sort) || newestFirst(a, b))
    .slice(offset, offset + query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const hasMore = rows.length > query.limit;
  const next =
    hasMore && last && sort === 'newest' ? { createdAt: last.createdAt.toISOString(), id: last.id } : null;
  return { items: page.map((i) => toFeedItem(state, i)), next, hasMore };
}

const newestFirst = (a: Insight, b: Insight) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The value a ranked sort orders by, highest first; 0 for newest (then only time counts). */
function rankOf(state: InMemoryState, insight: Insight, sort: FeedSort): number {
  if (sort === 'evidence') return insight.evidenceCount;
  if (sort === 'reactions') return insight.reactionCount;
  if (sort === 'customer_value') {
    return insight.customerIds.reduce((sum, id) => sum + (state.customers.get(id)?.value ?? 0), 0);
  }
  return 0;
}

function toFeedItem(state: InMemoryState, insight: Insight): FeedItem {
  const reporter = state.people.get(insight.reporterId)!;
  const team = reporter.teamId ? state.teams.get(reporter.teamId) : undefined;
  const customers = insight.customerIds
    .flatMap((id) => state.customers.get(id) ?? [])
    .map((c) => ({ id: c.id, name: c.name, segment: c.segment }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const goals = insight.goals
    .flatMap((link) => state.goals.get(link.goalId) ?? [])
    .map((g) => ({ id: g.id, title: g.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return clone({
    id: insight.id,
    title: insight.title,
    body: insight.body,
    kind: insight.kind,
    sentiment: insight.sentiment,
    source: { kind: insight.source.kind, url: insight.source.url },
    reporter: { id: reporter.id, name: reporter.name, teamName: team?.name ?? null },
    customers,
    goals,
    tags: insight.tags,
    visibility: insight.visibility,
    triage: insight.triage,
    hasStory: insight.story !== null,
    evidenceCount: insight.evidenceCount,
    reactionCount: insight.reactionCount,
    createdAt: insight.createdAt,
  });
}
