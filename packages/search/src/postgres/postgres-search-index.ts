import type { SearchIndex } from '@heard/domain';
import type postgres from 'postgres';
import { isUuid } from './fragments';
import { DEFAULT_BOUNDS, type SearchBounds, searchDocuments, similarDocuments } from './search';
import { upsertDocuments } from './upsert';

export type { SearchBounds } from './search';

/**
 * The PostgreSQL full-text engine: documents live in `search_documents` (migration
 * 1732300003000_search.sql) in the application's own database, searched with the `heard` text
 * search configuration (English stemming, accents ignored), typo tolerance from `search_words`,
 * and the visibility rule inside every query. `bounds` exists for tests; the defaults suit
 * production (see {@link SearchBounds}).
 */
export function createPostgresSearchIndex(
  sql: postgres.Sql,
  bounds: Partial<SearchBounds> = {},
): SearchIndex {
  const limits: SearchBounds = { ...DEFAULT_BOUNDS, ...bounds };
  return {
    engine: 'postgres',

    // The schema belongs to the migrations; this only says clearly when they have not run.
    async prepare() {
      const [row] = await sql`
        select to_regclass('search_documents') is not null and to_regclass('search_words') is not null
               and to_regprocedure('search_typo_candidates(text, integer)') is not null
               and exists (select 1 from pg_ts_config where cfgname = 'heard') as ready`;
      if (!row?.ready) {
        throw new Error('The PostgreSQL search tables are missing: run the database migrations.');
      }
    },

    upsert: (documents) => upsertDocuments(sql, documents),

    async remove(ids) {
      const valid = ids.filter(isUuid);
      if (valid.length > 0) await sql`delete from search_documents where insight_id = any(${valid}::uuid[])`;
    },

    search: (query) => searchDocuments(sql, query, limits),

    similar: (text, scope, limit) => similarDocuments(sql, text, scope, limit, limits),

    async listIds(after, limit) {
      const n = Math.max(0, Math.floor(limit));
      if (n === 0) return [];
      // uuid order is the order of their lowercase text, so callers can compare with string ids.
      const rows =
        after === null
          ? await sql`select insight_id::text as id from search_documents order by insight_id limit ${n}`
          : isUuid(after)
            ? await sql`select insight_id::text as id from search_documents
                        where insight_id > ${after}::uuid order by insight_id limit ${n}`
            : await sql`select insight_id::text as id from search_documents
                        where insight_id::text > ${after} order by insight_id limit ${n}`;
      return rows.map((r) => r.id as string);
    },

    async health() {
      try {
        await sql`select 1`;
        return { ok: true };
      } catch (error) {
        return { ok: false, error: `PostgreSQL search is unavailable: ${(error as Error).message}` };
      }
    },
  };
}
