export { createMeilisearchSearchIndex, type MeilisearchSearchIndexOptions } from './meilisearch-search-index';
