import type { InsightKind, Sentiment, SourceKind, TriageState, Visibility } from '../insights/insight';
import type { ReadScope } from '../insights/visibility';

/** What the search engines index for one insight: its text, the names around it, and who may read it. */
export interface SearchDocument {
  id: string;
  title: string;
  body: string;
  tags: string[];
  customerNames: string[];
  story: { headline: string; summary: string; pullQuote: string | null } | null;
  kind: InsightKind;
  sentiment: Sentiment;
  source: SourceKind;
  reporterId: string;
  /** The reporter's team, for the team facet. */
  teamId: string | null;
  goalIds: string[];
  customerIds: string[];
  segments: string[];
  triage: TriageState;
  visibility: Visibility;
  evidenceCount: number;
  reactionCount: number;
  /** Sum of the yearly value of the customers behind the insight, for ranking. */
  customerValue: number;
  createdAt: Date;
}

export const SEARCH_FACETS = [
  'kind',
  'sentiment',
  'source',
  'triage',
  'tag',
  'goal',
  'team',
  'segment',
  'hasStory',
] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export interface SearchFilters {
  kind?: InsightKind;
  sentiment?: Sentiment;
  source?: SourceKind;
  triage?: TriageState;
  tag?: string;
  goalId?: string;
  teamId?: string;
  customerId?: string;
  segment?: string;
  hasStory?: boolean;
  /** Inclusive lower bound on createdAt. */
  from?: Date;
  /** Exclusive upper bound on createdAt. */
  to?: Date;
}

export const SEARCH_SORTS = ['relevance', 'newest', 'evidence', 'customer_value'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Text syntax, the same on every engine: words match with typo tolerance and
 * accents ignored, the last word also as a prefix (search while typing),
 * `"a phrase"` matches words in order, `-word` excludes. Empty text lists by the sort.
 */
export interface SearchQuery {
  text: string;
  scope: ReadScope;
  filters?: SearchFilters;
  sort?: SearchSort;
  /** Facets to count over every readable match (not only the returned page). */
  facets?: SearchFacet[];
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  /** Excerpt as safe HTML: text escaped, matches wrapped in <mark>. */
  snippet: string;
  createdAt: Date;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Readable matches in all (may be an estimate above 1,000 on some engines; `totalIsExact` says). */
  total: number;
  totalIsExact: boolean;
  facets: Partial<Record<SearchFacet, Record<string, number>>>;
}

/**
 * One port, two engines (PostgreSQL full-text, Meilisearch), chosen by
 * configuration in one place. Visibility is applied inside the engine's query:
 * results and facet counts include only what `scope` may read.
 */
export interface SearchIndex {
  readonly engine: 'postgres' | 'meilisearch';
  /** Applies settings idempotently (index, schema); safe to call at every start. */
  prepare(): Promise<void>;
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Insights saying much the same as `text`, so a reporter can add evidence instead of a duplicate. */
  similar(text: string, scope: ReadScope, limit: number): Promise<SearchHit[]>;
  /** Indexed ids in ascending order, a page at a time, to compare the index with the database. */
  listIds(after: string | null, limit: number): Promise<string[]>;
  health(): Promise<{ ok: true } | { ok: false; error: string }>;
}
