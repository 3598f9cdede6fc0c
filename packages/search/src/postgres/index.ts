export { createPostgresSearchIndex, type SearchBounds } from './postgres-search-index';
