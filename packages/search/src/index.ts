export type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResult } from '@heard/domain';
export { toSearchDocument } from './search-document';
