import type { FeedFilters, FeedItem, FeedPage, FeedQuery, FeedSort, ReadScope } from '@heard/domain';
import type postgres from 'postgres';
import { asDate, type Db, isUuid, type Row } from './db';
import { visibilityToDomain } from './insight.mapper';

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** The visibility rule of the domain (`canReadInsight`) as SQL, applied inside every query. */
export function readableBy(db: Db, scope: ReadScope, alias = 'i'): Fragment {
  if (scope.seesEverything) return db`true`;
  const i = db.unsafe(alias);
  return db`(${i}.visibility_scope = 'everyone'
    or ${i}.reporter_id = ${scope.personId}
    or (${i}.visibility_scope = 'team' and ${i}.visibility_team_id = ${scope.teamId}::uuid)
    or (${i}.visibility_scope = 'people' and ${scope.personId}::uuid = any(${i}.visibility_person_ids)))`;
}

function filterFragments(db: Db, f: FeedFilters): Fragment[] {
  const parts: Fragment[] = [];
  const validId = (id: string | undefined) => (id === undefined ? undefined : isUuid(id) ? id : null);
  const goalId = validId(f.goalId);
  const customerId = validId(f.customerId);
  const teamId = validId(f.teamId);
  // A malformed id matches nothing rather than raising a database error.
  if (goalId === null || customerId === null || teamId === null) return [db`false`];
  if (goalId)
    parts.push(
      db`exists (select 1 from insight_goals ig where ig.insight_id = i.id and ig.goal_id = ${goalId})`,
    );
  if (customerId) {
    // Driven from the customer's few rows rather than tested against every insight.
    parts.push(db`i.id = any(array(select ic.insight_id from insight_customers ic where ic.customer_id = ${customerId}
      union select e.insight_id from evidence e where e.customer_id = ${customerId}))`);
  }
  if (teamId) parts.push(db`r.team_id = ${teamId}`);
  if (f.tag) parts.push(db`i.tags @> array[${f.tag}]::text[]`);
  if (f.kind) parts.push(db`i.kind = ${f.kind}`);
  if (f.source) parts.push(db`i.source_kind = ${f.source}`);
  if (f.sentiment) parts.push(db`i.sentiment = ${f.sentiment}`);
  if (f.triage) parts.push(db`i.triage = ${f.triage}`);
  if (f.segment) {
    parts.push(db`exists (select 1 from insight_customers ic join customers c on c.id = ic.customer_id
                          where ic.insight_id = i.id and c.segment = ${f.segment})`);
  }
  if (f.from) parts.push(db`i.created_at >= ${f.from}`);
  if (f.to) parts.push(db`i.created_at < ${f.to}`);
  return parts;
}

/** Ranked sorts end on time and id too, so a page boundary never splits ties differently. */
const ORDER: Record<FeedSort, string> = {
  newest: 'i.created_at desc, i.id desc',
  evidence: 'i.evidence_count desc, i.created_at desc, i.id desc',
  reactions: 'i.reaction_count desc, i.created_at desc, i.id desc',
  customer_value: 'i.customer_value desc, i.created_at desc, i.id desc',
};

/** Insights the scope may read, with names resolved: newest first by keyset, or ranked by offset. */
export async function listFeed(db: Db, query: FeedQuery): Promise<FeedPage> {
  const sort = query.sort ?? 'newest';
  const offset = sort === 'newest' ? 0 : Math.max(0, Math.trunc(query.offset ?? 0));
  // A merged duplicate lives on only as a redirect to the insight it was merged into.
  const conditions = [
    readableBy(db, query.scope),
    db`i.merged_into is null`,
    ...filterFragments(db, query.filters),
  ];
  if (
    sort === 'newest' &&
    query.after &&
    isUuid(query.after.id) &&
    !Number.isNaN(Date.parse(query.after.createdAt))
  ) {
    // Bound as text and cast in SQL: a parameter typed timestamptz goes through a JavaScript Date in
    // postgres.js, which drops the microseconds the cursor carries, and rows sharing the millisecond vanish.
    conditions.push(
      db`(i.created_at, i.id) < (${query.after.createdAt}::text::timestamptz, ${query.after.id}::uuid)`,
    );
  }
  const where = conditions.reduce((acc, c) => db`${acc} and ${c}`);
  const rows = await db`
    select i.id, i.title, i.body, i.kind, i.sentiment, i.source_kind, i.source_url, i.tags, i.triage,
           i.visibility_scope, i.visibility_team_id, i.visibility_person_ids, i.evidence_count, i.reaction_count,
           i.created_at, i.created_at::text as cursor_at,
           r.id as reporter_id, r.name as reporter_name, t.name as reporter_team,
           exists (select 1 from stories s where s.insight_id = i.id) as has_story,
           coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'segment', c.segment) order by c.name)
                     from insight_customers ic join customers c on c.id = ic.customer_id where ic.insight_id = i.id), '[]') as customers,
           coalesce((select json_agg(json_build_object('id', g.id, 'title', g.title) order by g.title)
                     from insight_goals ig join goals g on g.id = ig.goal_id where ig.insight_id = i.id), '[]') as goals
    from insights i
    join people r on r.id = i.reporter_id
    left join teams t on t.id = r.team_id
    where ${where}
    order by ${db.unsafe(ORDER[sort])}
    limit ${query.limit + 1} offset ${offset}`;
  const items = rows.slice(0, query.limit).map(feedItemToDomain);
  const last = rows[query.limit - 1];
  const hasMore = rows.length > query.limit;
  const next =
    hasMore && last && sort === 'newest'
      ? { createdAt: last.cursor_at as string, id: last.id as string }
      : null;
  return { items, next, hasMore };
}

function feedItemToDomain(row: Row): FeedItem {
  return {
    id: row.id as string,
    title: row.title as string,
    body: row.body as string,
    kind: row.kind as FeedItem['kind'],
    sentiment: row.sentiment as FeedItem['sentiment'],
    source: {
      kind: row.source_kind as FeedItem['source']['kind'],
      url: (row.source_url as string | null) ?? null,
    },
    reporter: {
      id: row.reporter_id as string,
      name: row.reporter_name as string,
      teamName: (row.reporter_team as string | null) ?? null,
    },
    customers: row.customers as FeedItem['customers'],
    goals: row.goals as FeedItem['goals'],
    tags: row.tags as string[],
    visibility: visibilityToDomain(row),
    triage: row.triage as FeedItem['triage'],
    hasStory: row.has_story as boolean,
    evidenceCount: Number(row.evidence_count),
    reactionCount: Number(row.reaction_count),
    createdAt: asDate(row.created_at),
  };
}
