import type { ReadScope, SearchFacet, SearchHit, SearchQuery, SearchResult, SearchSort } from '@heard/domain';
import type postgres from 'postgres';
import { isEmptySearch, parseSearchText } from '../text/query-syntax';
import { MARK_END, MARK_START, markedToHtml, openingExcerpt } from '../text/snippet';
import { and, type Fragment, facetValues, filterConditions, readableBy, type Sql } from './fragments';
import { buildSimilarityQuery, buildTextQuery, type TextQuery } from './tsquery';

/** Bounds that keep one search cheap however many documents match; see {@link searchDocuments}. */
export interface SearchBounds {
  /** Relevance ranks only this many newest matches. */
  rankCandidates: number;
  /** `total` is exact up to this many matches, then `totalIsExact` is false. */
  totalCap: number;
  /** Facets count over at most this many newest matches. */
  facetCap: number;
}

export const DEFAULT_BOUNDS: SearchBounds = { rankCandidates: 2_000, totalCap: 1_000, facetCap: 2_000 };
export const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1_000;

/** ts_rank_cd weights for D, C, B, A: title (A) counts five times the body (C). */
const WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const OPENING_CHARS = 400;

const ORDER: Record<Exclude<SearchSort, 'relevance'>, (sql: Sql) => Fragment> = {
  newest: (sql) => sql`d.created_at desc, d.insight_id desc`,
  evidence: (sql) => sql`d.evidence_count desc, d.created_at desc, d.insight_id desc`,
  customer_value: (sql) => sql`d.customer_value desc, d.created_at desc, d.insight_id desc`,
};

const clamp = (value: number | undefined, fallback: number, max: number) =>
  Math.max(0, Math.min(max, Math.floor(Number.isFinite(value) ? (value as number) : fallback)));

/** The excerpt for a page row: highlighted matches, or the opening when nothing was searched. */
function snippetSelect(sql: Sql, text: TextQuery): Fragment {
  return text.tsquery && !text.negativeOnly
    ? sql`ts_headline('heard', d.content, ${text.tsquery}::tsquery, ${HEADLINE_OPTIONS}) as marked`
    : sql`left(d.content, ${OPENING_CHARS}) as opening`;
}

function toHit(row: postgres.Row): SearchHit {
  return {
    id: row.id as string,
    title: row.title as string,
    snippet:
      typeof row.marked === 'string' ? markedToHtml(row.marked) : openingExcerpt(String(row.opening ?? '')),
    createdAt: row.created_at as Date,
  };
}

/**
 * Relevance ranks at most `bounds.rankCandidates` (2,000) newest readable matches rather than
 * every match: ranking reads each candidate's tsvector, so a common word over 1,000,000 rows
 * would otherwise rank hundreds of thousands of rows per keystroke. PostgreSQL finds the newest
 * matches either from the GIN index or by walking the created_at index until it has enough,
 * whichever is cheaper. The price: a strong match older than the newest 2,000 matches is not
 * ranked (refining the words brings it back), and relevance pages end after 2,000 hits.
 */
async function pageRows(
  sql: Sql,
  where: Fragment,
  text: TextQuery,
  sort: SearchSort,
  limit: number,
  offset: number,
  bounds: SearchBounds,
): Promise<postgres.Row[]> {
  if (sort === 'relevance' && text.tsquery && !text.negativeOnly) {
    const tsquery = text.tsquery;
    return sql`
      with candidates as (
        select d.insight_id, d.created_at, d.search from search_documents d
        where ${where}
        order by d.created_at desc, d.insight_id desc
        limit ${bounds.rankCandidates}
      ), page as (
        select c.insight_id, c.created_at, ts_rank_cd(${WEIGHTS}::float4[], c.search, ${tsquery}::tsquery) as rank
        from candidates c
        order by rank desc, c.created_at desc, c.insight_id desc
        limit ${limit} offset ${offset}
      )
      select d.insight_id::text as id, d.title, d.created_at, ${snippetSelect(sql, text)}
      from page p join search_documents d on d.insight_id = p.insight_id
      order by p.rank desc, p.created_at desc, p.insight_id desc`;
  }
  const order = ORDER[sort === 'relevance' ? 'newest' : sort](sql);
  return sql`
    with page as (
      select d.insight_id from search_documents d where ${where}
      order by ${order} limit ${limit} offset ${offset}
    )
    select d.insight_id::text as id, d.title, d.created_at, ${snippetSelect(sql, text)}
    from page p join search_documents d on d.insight_id = p.insight_id
    order by ${order}`;
}

interface Counted {
  total: number;
  totalIsExact: boolean;
  facets: Partial<Record<SearchFacet, Record<string, number>>>;
}

/**
 * Facet counts over the readable matches, with the total from the same pass. Exact up to
 * `bounds.facetCap` (2,000, the same window relevance ranks) matches; beyond it they count the
 * newest 2,000 matches only and the total reads 2,000 with `totalIsExact` false. Counting every
 * match of a common word costs time in proportion to the table (about 100 ms per 50,000 matches),
 * which a search-as-you-type request cannot afford. Without facets, the total is exact up to 1,000.
 */
async function countMatches(
  sql: Sql,
  where: Fragment,
  facets: readonly SearchFacet[],
  bounds: SearchBounds,
): Promise<Counted> {
  if (facets.length === 0) {
    const [row] = await sql`
      select count(*)::int as n from (select 1 from search_documents d where ${where} limit ${bounds.totalCap + 1}) x`;
    const n = Number(row!.n);
    return n > bounds.totalCap
      ? { total: bounds.totalCap, totalIsExact: false, facets: {} }
      : { total: n, totalIsExact: true, facets: {} };
  }
  const rows = await sql`
    with m as materialized (
      select d.kind, d.sentiment, d.source, d.triage, d.tags, d.goal_ids, d.team_id, d.segments, d.has_story
      from search_documents d where ${where}
      order by d.created_at desc, d.insight_id desc
      limit ${bounds.facetCap}
    )
    select f.facet, f.value, count(*)::int as n
    from m d cross join lateral (${facetValues(sql, facets)}) as f(facet, value)
    group by f.facet, f.value
    union all
    select null, null, count(*)::int from m`;
  const counted: Counted['facets'] = Object.fromEntries(facets.map((f) => [f, {}]));
  let scanned = 0;
  for (const row of rows) {
    if (row.facet === null) scanned = Number(row.n);
    else counted[row.facet as SearchFacet]![row.value as string] = Number(row.n);
  }
  return { total: scanned, totalIsExact: scanned < bounds.facetCap, facets: counted };
}

/**
 * Runs `run` in a short read-only transaction whose queries are planned for their actual values.
 * postgres.js prepares named statements, and after five runs PostgreSQL may switch to a generic
 * plan, which cannot see how common the searched words are and then always fetches every match
 * through the GIN index: 100 ms instead of 17 ms for a word in half of 100,000 documents, growing
 * with the table. A custom plan walks the created_at index for common words, so the bounds above
 * actually bound the work.
 */
async function withCustomPlans<T>(sql: postgres.Sql, run: (tx: Sql) => Promise<T>): Promise<T> {
  return (await sql.begin('read only', async (tx) => {
    await tx`set local plan_cache_mode = force_custom_plan`;
    return run(tx);
  })) as T;
}

/** One search: the text query first (one round trip), then the page and the counts in parallel. */
export async function searchDocuments(
  sql: postgres.Sql,
  query: SearchQuery,
  bounds: SearchBounds,
): Promise<SearchResult> {
  const parsed = parseSearchText(query.text ?? '');
  const text: TextQuery = isEmptySearch(parsed)
    ? { tsquery: null, negativeOnly: false }
    : await buildTextQuery(sql, parsed);
  const where = and(sql, [
    readableBy(sql, query.scope),
    ...filterConditions(sql, query.filters),
    ...(text.tsquery ? [sql`d.search @@ ${text.tsquery}::tsquery`] : []),
  ]);
  const limit = clamp(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const offset = clamp(query.offset, 0, Number.MAX_SAFE_INTEGER);
  const [rows, counted] = await Promise.all([
    limit === 0
      ? []
      : withCustomPlans(sql, (tx) =>
          pageRows(tx, where, text, query.sort ?? 'relevance', limit, offset, bounds),
        ),
    withCustomPlans(sql, (tx) => countMatches(tx, where, query.facets ?? [], bounds)),
  ]);
  return { hits: rows.map(toHit), ...counted };
}

/** Readable documents sharing the most significant words of `text`, best first. */
export async function similarDocuments(
  sql: postgres.Sql,
  text: string,
  scope: ReadScope,
  limit: number,
  bounds: SearchBounds,
): Promise<SearchHit[]> {
  const tsquery = await buildSimilarityQuery(sql, text.replaceAll('\u0000', ' '));
  const n = clamp(limit, DEFAULT_LIMIT, MAX_LIMIT);
  if (!tsquery || n === 0) return [];
  // Same candidate bound as relevance: OR-ing many words can match most of the index.
  const rows = await withCustomPlans(
    sql,
    (tx) => tx`
    with candidates as (
      select d.insight_id, d.created_at, d.search from search_documents d
      where ${readableBy(tx, scope)} and d.search @@ ${tsquery}::tsquery
      order by d.created_at desc, d.insight_id desc
      limit ${bounds.rankCandidates}
    ), page as (
      select c.insight_id, c.created_at, ts_rank(${WEIGHTS}::float4[], c.search, ${tsquery}::tsquery) as rank
      from candidates c order by rank desc, c.created_at desc, c.insight_id desc limit ${n}
    )
    select d.insight_id::text as id, d.title, d.created_at,
           ts_headline('heard', d.content, ${tsquery}::tsquery, ${HEADLINE_OPTIONS}) as marked
    from page p join search_documents d on d.insight_id = p.insight_id
    order by p.rank desc, p.created_at desc, p.insight_id desc`,
  );
  return rows.map(toHit);
}
