import type { ReadScope, SearchFacet, SearchFilters } from '@heard/domain';
import type postgres from 'postgres';

/** The pool, or a transaction of it: fragments and queries are built the same on both. */
export type Sql = postgres.Sql | postgres.TransactionSql;
export type Fragment = postgres.PendingQuery<postgres.Row[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids arrive from URLs and chat payloads; a malformed one matches nothing instead of raising. */
export const isUuid = (value: string | null | undefined): value is string =>
  typeof value === 'string' && UUID.test(value);

export const and = (sql: Sql, parts: Fragment[]): Fragment =>
  parts.length === 0 ? sql`true` : parts.reduce((acc, part) => sql`${acc} and ${part}`);

/**
 * The domain's `canReadInsight` over search_documents (alias `d`), mirroring `readableBy` in
 * @heard/db's feed query, so restricted documents never leave the database. The named-people
 * branch is written with `@>` so the partial GIN index on visibility_person_ids can serve it.
 */
export function readableBy(sql: Sql, scope: ReadScope): Fragment {
  if (scope.seesEverything) return sql`true`;
  const branches: Fragment[] = [sql`d.visibility_scope = 'everyone'`];
  if (isUuid(scope.personId)) {
    branches.push(
      sql`d.reporter_id = ${scope.personId}::uuid`,
      sql`(d.visibility_scope = 'people' and d.visibility_person_ids @> array[${scope.personId}::uuid])`,
    );
  }
  if (isUuid(scope.teamId)) {
    branches.push(sql`(d.visibility_scope = 'team' and d.visibility_team_id = ${scope.teamId}::uuid)`);
  }
  return sql`(${branches.reduce((acc, branch) => sql`${acc} or ${branch}`)})`;
}

/** SearchFilters as conditions on search_documents (alias `d`). */
export function filterConditions(sql: Sql, f: SearchFilters = {}): Fragment[] {
  const parts: Fragment[] = [];
  const ids = [f.goalId, f.teamId, f.customerId];
  if (ids.some((id) => id !== undefined && !isUuid(id))) return [sql`false`];
  if (f.kind !== undefined) parts.push(sql`d.kind = ${f.kind}`);
  if (f.sentiment !== undefined) parts.push(sql`d.sentiment = ${f.sentiment}`);
  if (f.source !== undefined) parts.push(sql`d.source = ${f.source}`);
  if (f.triage !== undefined) parts.push(sql`d.triage = ${f.triage}`);
  if (f.tag !== undefined) parts.push(sql`d.tags @> array[${f.tag}::text]`);
  if (f.goalId !== undefined) parts.push(sql`d.goal_ids @> array[${f.goalId}::uuid]`);
  if (f.teamId !== undefined) parts.push(sql`d.team_id = ${f.teamId}::uuid`);
  if (f.customerId !== undefined) parts.push(sql`d.customer_ids @> array[${f.customerId}::uuid]`);
  if (f.segment !== undefined) parts.push(sql`d.segments @> array[${f.segment}::text]`);
  if (f.hasStory !== undefined) parts.push(sql`d.has_story = ${f.hasStory}`);
  // Bound as ISO text and cast in SQL, so the bound is exactly the instant given.
  if (f.from !== undefined) parts.push(sql`d.created_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to !== undefined) parts.push(sql`d.created_at < ${f.to.toISOString()}::timestamptz`);
  return parts;
}

/** The columns of search_documents (alias `d`) that the requested facets count. */
export function facetColumns(sql: Sql, facets: readonly SearchFacet[]): Fragment[] {
  const column: Record<SearchFacet, Fragment> = {
    kind: sql`d.kind`,
    sentiment: sql`d.sentiment`,
    source: sql`d.source`,
    triage: sql`d.triage`,
    tag: sql`d.tags`,
    goal: sql`d.goal_ids`,
    team: sql`d.team_id`,
    segment: sql`d.segments`,
    hasStory: sql`d.has_story`,
  };
  return [...new Set(facets)].map((f) => column[f]);
}

/**
 * (facet, value, n) rows counting the requested facets over the rows of `c` (which carries the
 * {@link facetColumns}) satisfying `within`: one grouped pass per facet, arrays unnested.
 */
export function facetCounts(sql: Sql, facets: readonly SearchFacet[], within: Fragment): Fragment {
  const count: Record<SearchFacet, Fragment> = {
    kind: sql`select 'kind'::text as facet, c.kind as value, count(*)::int as n from c where ${within} group by 2`,
    sentiment: sql`select 'sentiment', c.sentiment, count(*)::int from c where ${within} group by 2`,
    source: sql`select 'source', c.source, count(*)::int from c where ${within} group by 2`,
    triage: sql`select 'triage', c.triage, count(*)::int from c where ${within} group by 2`,
    tag: sql`select 'tag', v, count(*)::int from (select unnest(c.tags) as v from c where ${within}) x group by v`,
    goal: sql`select 'goal', v::text, count(*)::int
              from (select unnest(c.goal_ids) as v from c where ${within}) x group by v`,
    team: sql`select 'team', c.team_id::text, count(*)::int from c
              where ${within} and c.team_id is not null group by c.team_id`,
    segment: sql`select 'segment', v, count(*)::int
                 from (select unnest(c.segments) as v from c where ${within}) x group by v`,
    hasStory: sql`select 'hasStory', c.has_story::text, count(*)::int from c where ${within} group by c.has_story`,
  };
  return [...new Set(facets)].map((f) => count[f]).reduce((acc, part) => sql`${acc} union all ${part}`);
}
