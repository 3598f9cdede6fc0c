import type {
  ReadScope,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from '@heard/domain';
import { type Hit, Meilisearch, type MultiSearchParams, type SearchParams } from 'meilisearch';
import {
  FACET_ATTRIBUTES,
  MAX_TOTAL_HITS,
  type MeiliInsight,
  toMeiliDocument,
} from './meilisearch-documents';
import { IdSnapshot, pageAfter } from './meilisearch-id-snapshot';
import { prepareIndex } from './meilisearch-prepare';
import {
  CROP_LENGTH,
  CROP_MARKER,
  filterConditions,
  meiliText,
  POST,
  PRE,
  SNIPPET_ATTRIBUTES,
  snippetFrom,
  sortFor,
  visibilityFilter,
} from './meilisearch-query';
import { describeError, MeilisearchTaskError, READ_RETRY, runTask, withRetry } from './meilisearch-retry';
import { rankBySharedWords, significantWords } from './meilisearch-similar';

export interface MeilisearchSearchIndexOptions {
  url: string;
  apiKey?: string;
  /** Index uid; `insights` unless given. */
  indexName?: string;
  log?: (message: string) => void;
  /** Per HTTP request; 10 s unless given. */
  timeoutMs?: number;
}

const DEFAULT_LIMIT = 20;
const DEFAULT_TIMEOUT_MS = 10_000;
/** Documents per write task (Meilisearch accepts far more; this keeps payloads and tasks small). */
const WRITE_BATCH = 1_000;
/** Ids per request when listing (the documents API is not capped by maxTotalHits). */
const LIST_PAGE = 1_000;
/** Hits read per word by `similar` (more than it returns, so shared words can add up). */
const SIMILAR_CANDIDATES = 50;
/** How long a sorted id snapshot serves the following `listIds` pages. */
const SNAPSHOT_TTL_MS = 60_000;

const clamp = (value: number | undefined, fallback: number, max: number): number =>
  Math.max(0, Math.min(max, Math.floor(Number.isFinite(value) ? (value as number) : fallback)));

/** What every hit asks for: only what a SearchHit needs, snippets cropped and highlighted with sentinels. */
const HIT_PARAMS: SearchParams = {
  attributesToRetrieve: ['id', 'title', 'createdAt'],
  attributesToHighlight: [...SNIPPET_ATTRIBUTES],
  attributesToCrop: [...SNIPPET_ATTRIBUTES],
  cropLength: CROP_LENGTH,
  cropMarker: CROP_MARKER,
  highlightPreTag: PRE,
  highlightPostTag: POST,
};

/**
 * Meilisearch behind the search port. Visibility is an `audience` array on
 * each document matched by an `audience IN [...]` filter, so hits, totals and
 * facet counts only ever cover what the scope may read. Writes wait for their
 * task and retry transient failures (network, 5xx, 429 with Retry-After).
 */
export function createMeilisearchSearchIndex(options: MeilisearchSearchIndexOptions): SearchIndex {
  const indexName = options.indexName ?? 'insights';
  const log = options.log ?? (() => {});
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const index = client.index<MeiliInsight>(indexName);
  const snapshot = new IdSnapshot(SNAPSHOT_TTL_MS);

  function scopeFilter(scope: ReadScope, conditions: string[] = []): string[] | undefined {
    const filter = [visibilityFilter(scope), ...conditions].filter((c): c is string => c !== null);
    return filter.length > 0 ? filter : undefined;
  }

  function toHit(hit: Hit<MeiliInsight>): SearchHit {
    return {
      id: hit.id,
      title: hit.title,
      snippet: snippetFrom(hit._formatted as Record<string, unknown> | undefined),
      createdAt: new Date(hit.createdAt),
    };
  }

  async function listAllIds(): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = await withRetry('listing ids', READ_RETRY, log, () =>
        index.getDocuments({ fields: ['id'], offset, limit: LIST_PAGE }),
      );
      for (const document of page.results) ids.push(String(document.id));
      if (page.results.length < LIST_PAGE) return ids;
    }
  }

  return {
    engine: 'meilisearch',

    prepare: () => prepareIndex(client, indexName, log),

    async upsert(documents: SearchDocument[]) {
      for (let i = 0; i < documents.length; i += WRITE_BATCH) {
        const batch = documents.slice(i, i + WRITE_BATCH).map(toMeiliDocument);
        // Replace (not merge): a removed story or tag must disappear from the index.
        await runTask(client, `indexing ${batch.length} documents`, log, () =>
          index.addDocuments(batch, { primaryKey: 'id' }),
        );
        snapshot.added(batch.map((d) => d.id));
      }
    },

    async remove(ids: string[]) {
      for (let i = 0; i < ids.length; i += WRITE_BATCH) {
        const batch = ids.slice(i, i + WRITE_BATCH);
        try {
          await runTask(client, `removing ${batch.length} documents`, log, () =>
            index.deleteDocuments(batch),
          );
        } catch (error) {
          // No index, so nothing to remove.
          if (!(error instanceof MeilisearchTaskError && error.code === 'index_not_found')) throw error;
        }
        snapshot.removed(batch);
      }
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      const { q, listing } = meiliText(query.text ?? '');
      const limit = clamp(query.limit, DEFAULT_LIMIT, MAX_TOTAL_HITS);
      const offset = clamp(query.offset, 0, Number.MAX_SAFE_INTEGER);
      // Page mode (page/hitsPerPage) makes Meilisearch count hits and facets exhaustively.
      // An offset that is not a multiple of the limit reads the first offset+limit hits and skips.
      const aligned = limit === 0 || offset % limit === 0;
      const hitsPerPage = aligned ? limit : Math.min(offset + limit, MAX_TOTAL_HITS);
      const page = aligned && limit > 0 ? offset / limit + 1 : 1;
      const skip = aligned ? 0 : offset;
      const facets = query.facets ?? [];
      const response = await withRetry('searching', READ_RETRY, log, () =>
        index.search(q, {
          ...HIT_PARAMS,
          filter: scopeFilter(query.scope, filterConditions(query.filters)),
          sort: sortFor(query.sort, listing),
          facets: facets.length > 0 ? facets.map((facet) => FACET_ATTRIBUTES[facet]) : undefined,
          matchingStrategy: 'all',
          hitsPerPage,
          page,
        }),
      );
      const total = response.totalHits;
      return {
        hits: response.hits.slice(skip, skip + limit).map(toHit),
        total,
        // Counting stops at maxTotalHits: a total at the cap may be higher.
        totalIsExact: total < MAX_TOTAL_HITS,
        facets: Object.fromEntries(
          facets.map((facet) => [facet, { ...response.facetDistribution?.[FACET_ATTRIBUTES[facet]] }]),
        ),
      };
    },

    async similar(text: string, scope: ReadScope, limit: number): Promise<SearchHit[]> {
      const words = significantWords(text);
      const n = clamp(limit, DEFAULT_LIMIT, MAX_TOTAL_HITS);
      if (words.length === 0 || n === 0) return [];
      const filter = scopeFilter(scope);
      // Each word its own query, in one request; see meilisearch-similar.ts.
      const perWord = Math.min(MAX_TOTAL_HITS, Math.max(SIMILAR_CANDIDATES, n * 2));
      const response = await withRetry('searching similar insights', READ_RETRY, log, () =>
        client.multiSearch<MultiSearchParams, MeiliInsight>({
          queries: words.map((q) => ({ ...HIT_PARAMS, indexUid: indexName, q, filter, limit: perWord })),
        }),
      );
      const lists = response.results.map((r) => ({
        hits: r.hits,
        total: r.estimatedTotalHits ?? r.hits.length,
      }));
      return rankBySharedWords(lists, n).map(toHit);
    },

    /** Pages through one sorted snapshot of every id; see {@link IdSnapshot}. */
    async listIds(after: string | null, limit: number): Promise<string[]> {
      const ids = (after !== null && snapshot.current()) || snapshot.replace(await listAllIds());
      return pageAfter(ids, after, clamp(limit, 0, Number.MAX_SAFE_INTEGER));
    },

    async health() {
      try {
        await client.health();
        return { ok: true };
      } catch (error) {
        return { ok: false, error: describeError(error) };
      }
    },
  };
}
