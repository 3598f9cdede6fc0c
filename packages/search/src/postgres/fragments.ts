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

/** One (facet, value) row per value a matching document `d` holds, for the requested facets. */
export function facetValues(sql: Sql, facets: readonly SearchFacet[]): Fragment {
  const select: Record<SearchFacet, Fragment> = {
    kind: sql`select 'kind'::text as facet, d.kind as value`,
    sentiment: sql`select 'sentiment'::text, d.sentiment`,
    source: sql`select 'source'::text, d.source`,
    triage: sql`select 'triage'::text, d.triage`,
    tag: sql`select 'tag'::text, unnest(d.tags)`,
    goal: sql`select 'goal'::text, unnest(d.goal_ids)::text`,
    team: sql`select 'team'::text, d.team_id::text where d.team_id is not null`,
    segment: sql`select 'segment'::text, unnest(d.segments)`,
    hasStory: sql`select 'hasStory'::text, d.has_story::text`,
  };
  return [...new Set(facets)].map((f) => select[f]).reduce((acc, part) => sql`${acc} union all ${part}`);
}
