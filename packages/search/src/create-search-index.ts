import type { SearchIndex } from '@heard/domain';
import type postgres from 'postgres';
import { withFallback } from './fallback-search-index';
import { createMeilisearchSearchIndex } from './meilisearch';
import { createPostgresSearchIndex } from './postgres';

export interface SearchConfig {
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>;
  meiliUrl?: string;
  meiliApiKey?: string;
  log: (message: string) => void;
}

export interface SearchEngines {
  /** What pages and chat answers search: Meilisearch when configured (PostgreSQL when it is away), else PostgreSQL. */
  search: SearchIndex & { isFallingBack(): boolean };
  /** Every index the sync jobs keep up to date; PostgreSQL always, so the fallback is never stale. */
  writable: SearchIndex[];
}

/** The one place the search engine is chosen: `MEILI_URL` selects Meilisearch, otherwise PostgreSQL. */
export function createSearchEngines(config: SearchConfig): SearchEngines {
  const postgresIndex = createPostgresSearchIndex(config.sql);
  if (!config.meiliUrl) {
    return {
      search: Object.assign(postgresIndex, { isFallingBack: () => false }),
      writable: [postgresIndex],
    };
  }
  const meili = createMeilisearchSearchIndex({
    url: config.meiliUrl,
    apiKey: config.meiliApiKey,
    log: config.log,
  });
  return { search: withFallback(meili, postgresIndex, config.log), writable: [postgresIndex, meili] };
}
