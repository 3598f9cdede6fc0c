import type { ReadScope, SearchFacet, SearchHit, SearchQuery, SearchResult, SearchSort } from '@heard/domain';
import type postgres from 'postgres';
import { isEmptySearch, parseSearchText } from '../text/query-syntax';
import { MARK_END, MARK_START, markedToHtml, openingExcerpt } from '../text/snippet';
import {
  and,
  type Fragment,
  facetColumns,
  facetCounts,
  filterConditions,
  readableBy,
  type Sql,
} from './fragments';
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

/**
 * Finding the newest N matches of a common word reads N / (its share of the documents) rows, each
 * a random heap page: about 2 µs a row at 100,000 documents, more once the table outgrows shared
 * buffers. A word in 13% of the documents ("comfo…" in customer reviews) took 30 ms with 2,000
 * candidates at 100,000 documents; 1,000 halves that, and matches the total's cap without facets.
 */
export const DEFAULT_BOUNDS: SearchBounds = { rankCandidates: 1_000, totalCap: 1_000, facetCap: 1_000 };
export const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1_000;

/** ts_rank_cd weights for D, C, B, A: title (A) counts five times the body (C). */
const WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const OPENING_CHARS = 400;
/** How much of a long body ts_headline reads, and how far before the first searched word. */
const HEADLINE_CHARS = 2_000;
const HEADLINE_LEAD = 200;

const ORDER: Record<Exclude<SearchSort, 'relevance'>, (sql: Sql) => Fragment> = {
  newest: (sql) => sql`d.created_at desc, d.insight_id desc`,
  evidence: (sql) => sql`d.evidence_count desc, d.created_at desc, d.insight_id desc`,
  customer_value: (sql) => sql`d.customer_value desc, d.created_at desc, d.insight_id desc`,
};

/** A candidate's relevance: the sum of ts_rank_cd over the {@link TextQuery} rank queries. */
function rankOf(sql: Sql, queries: string[]): Fragment {
  return queries
    .map((q) => sql`ts_rank_cd(${WEIGHTS}::float4[], c.search, ${q}::tsquery)`)
    .reduce((acc, term) => sql`${acc} + ${term}`);
}

const clamp = (value: number | undefined, fallback: number, max: number) =>
  Math.max(0, Math.min(max, Math.floor(Number.isFinite(value) ? (value as number) : fallback)));

/**
 * The excerpt for a page row (`d`): highlighted matches, or the opening when nothing was searched.
 * ts_headline parses and stems all the text it is given, about 0.3 ms per 1,000 characters, so
 * a long body is cut to {@link HEADLINE_CHARS} characters first, from a little before the first
 * place one of the searched words appears (found by a plain substring search), else from its
 * start: a match that only stemming finds further in is then not highlighted.
 */
function snippetSelect(sql: Sql, tsquery: string | null, needles: readonly string[]): Fragment {
  if (!tsquery) return sql`left(d.content, ${OPENING_CHARS})`;
  const first = sql`(select min(nullif(strpos(l.content, n), 0))
                     from (select lower(d.content) as content) l, unnest(${needles as string[]}::text[]) n)`;
  const text = sql`case when length(d.content) <= ${HEADLINE_CHARS} then d.content
    else substr(d.content, greatest(1, coalesce(${first}, 1) - ${HEADLINE_LEAD}), ${HEADLINE_CHARS}) end`;
  return sql`ts_headline('heard', ${text}, ${tsquery}::tsquery, ${HEADLINE_OPTIONS})`;
}

interface HitRow {
  id: string;
  title: string;
  created_at: string;
  marked: string | null;
  opening: string | null;
}

function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    title: row.title,
    snippet: typeof row.marked === 'string' ? markedToHtml(row.marked) : openingExcerpt(row.opening ?? ''),
    createdAt: new Date(row.created_at),
  };
}

/**
 * One search as one statement over one pass of the matches. `c` holds the newest readable
 * matches, as many as the bounds need (`window`): PostgreSQL finds them either from the GIN
 * index or by walking the created_at index until it has enough, whichever is cheaper, and
 * the same rows then serve the ranking, the facets and the total.
 *
 * Relevance ranks at most `bounds.rankCandidates` newest matches rather than every match:
 * ranking reads each candidate's tsvector, and finding the newest N matches of a common word
 * reads N / (its share of the documents) rows, so a common word over 1,000,000 rows would
 * otherwise rank hundreds of thousands of rows per keystroke. The price: a strong match older
 * than the newest candidates is not ranked (refining the words brings it back), and relevance
 * pages end after that many hits.
 *
 * Facets and the total count the newest `bounds.facetCap` matches, exactly up to there; without
 * facets the total is exact up to `bounds.totalCap`. Beyond, `totalIsExact` is false.
 */
function searchStatement(
  sql: Sql,
  where: Fragment,
  text: TextQuery,
  query: { sort: SearchSort; limit: number; offset: number; facets: readonly SearchFacet[] },
  bounds: SearchBounds,
): Fragment {
  const { sort, limit, offset, facets } = query;
  const ranked = sort === 'relevance' && text.tsquery !== null && !text.negativeOnly;
  const cap = facets.length > 0 ? bounds.facetCap : bounds.totalCap;
  const window = Math.max(ranked ? bounds.rankCandidates : 0, cap + 1);
  const columns = [...(ranked ? [sql`d.search`] : []), ...facetColumns(sql, facets)].reduce(
    (acc, column) => sql`${acc}, ${column}`,
    sql`d.insight_id, d.created_at`,
  );
  const highlight = text.negativeOnly ? null : text.tsquery;
  const order = ranked
    ? sql`p.rank desc, p.created_at desc, p.insight_id desc`
    : ORDER[sort === 'relevance' ? 'newest' : sort](sql);
  const page = ranked
    ? sql`select c.insight_id, c.created_at, ${rankOf(sql, text.rank)} as rank from c
          where c.rn <= ${bounds.rankCandidates}
          order by rank desc, c.created_at desc, c.insight_id desc limit ${limit} offset ${offset}`
    : sql`select d.insight_id from search_documents d where ${where} order by ${order}
          limit ${limit} offset ${offset}`;
  return sql`
    with m as (
      select ${columns} from search_documents d where ${where}
      order by d.created_at desc, d.insight_id desc
      limit ${window}
    ), c as materialized (
      select m.*, row_number() over (order by m.created_at desc, m.insight_id desc) as rn from m
    ), p as (${page})
    select
      (select count(*)::int from c) as matched,
      ${
        facets.length > 0
          ? sql`(select coalesce(json_agg(json_build_array(f.facet, f.value, f.n)), '[]')
                 from (${facetCounts(sql, facets, sql`c.rn <= ${bounds.facetCap}`)}) as f(facet, value, n))`
          : sql`'[]'::json`
      } as facets,
      (select coalesce(json_agg(json_build_object(
          'id', d.insight_id::text, 'title', d.title, 'created_at', d.created_at,
          ${highlight ? sql`'marked'` : sql`'opening'`}, ${snippetSelect(sql, highlight, text.needles)}
        ) order by ${order}), '[]')
       from p join search_documents d on d.insight_id = p.insight_id) as hits`;
}

/**
 * Runs `statement` in a short read-only transaction whose queries are planned for their actual
 * values. postgres.js prepares named statements, and after five runs PostgreSQL may switch to a
 * generic plan, which cannot see how common the searched words are and then always fetches every
 * match through the GIN index: 100 ms instead of 17 ms for a word in half of 100,000 documents,
 * growing with the table. A custom plan walks the created_at index for common words, so the
 * bounds actually bound the work. JIT is off too: a search costing more than jit_above_cost (a
 * mid-frequency word fetched through the GIN index at a million rows) would otherwise spend tens
 * of milliseconds compiling. The settings and the statement go out together (one round trip).
 */
async function withCustomPlans(sql: postgres.Sql, statement: (tx: Sql) => Fragment): Promise<postgres.Row> {
  const [, rows] = await sql.begin('read only', (tx) => [
    tx`select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true)`,
    statement(tx),
  ]);
  return rows[0]!;
}

/** One search: the text query first (one round trip), then one statement for page, total and facets. */
export async function searchDocuments(
  sql: postgres.Sql,
  query: SearchQuery,
  bounds: SearchBounds,
): Promise<SearchResult> {
  const parsed = parseSearchText(query.text ?? '');
  const text: TextQuery = isEmptySearch(parsed)
    ? { tsquery: null, negativeOnly: false, rank: [], needles: [] }
    : await buildTextQuery(sql, parsed);
  const facets = [...new Set(query.facets ?? [])];
  const row = await withCustomPlans(sql, (tx) =>
    searchStatement(
      tx,
      and(tx, [
        readableBy(tx, query.scope),
        ...filterConditions(tx, query.filters),
        ...(text.tsquery ? [tx`d.search @@ ${text.tsquery}::tsquery`] : []),
      ]),
      text,
      {
        sort: query.sort ?? 'relevance',
        limit: clamp(query.limit, DEFAULT_LIMIT, MAX_LIMIT),
        offset: clamp(query.offset, 0, Number.MAX_SAFE_INTEGER),
        facets,
      },
      bounds,
    ),
  );
  const cap = facets.length > 0 ? bounds.facetCap : bounds.totalCap;
  const matched = Number(row.matched);
  const counted: SearchResult['facets'] = Object.fromEntries(facets.map((f) => [f, {}]));
  for (const [facet, value, n] of row.facets as [SearchFacet, string, number][]) counted[facet]![value] = n;
  return {
    hits: (row.hits as HitRow[]).map(toHit),
    total: Math.min(matched, cap),
    totalIsExact: matched <= cap,
    facets: counted,
  };
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
  const row = await withCustomPlans(
    sql,
    (tx) => tx`
    with candidates as (
      select d.insight_id, d.created_at, d.search from search_documents d
      where ${readableBy(tx, scope)} and d.search @@ ${tsquery}::tsquery
      order by d.created_at desc, d.insight_id desc
      limit ${bounds.rankCandidates}
    ), p as (
      select c.insight_id, c.created_at, ts_rank(${WEIGHTS}::float4[], c.search, ${tsquery}::tsquery) as rank
      from candidates c order by rank desc, c.created_at desc, c.insight_id desc limit ${n}
    )
    select coalesce(json_agg(json_build_object(
        'id', d.insight_id::text, 'title', d.title, 'created_at', d.created_at,
        'marked', ${snippetSelect(tx, tsquery, [])}
      ) order by p.rank desc, p.created_at desc, p.insight_id desc), '[]') as hits
    from p join search_documents d on d.insight_id = p.insight_id`,
  );
  return (row.hits as HitRow[]).map(toHit);
}
