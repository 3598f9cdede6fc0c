export type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResult } from '@heard/domain';
export { createSearchEngines, type SearchConfig, type SearchEngines } from './create-search-index';
export { withFallback } from './fallback-search-index';
export { createPostgresSearchIndex } from './postgres/postgres-search-index';
