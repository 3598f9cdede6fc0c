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
  teamId: string | null;
  goalIds: string[];
  customerIds: string[];
  segments: string[];
  triage: TriageState;
  visibility: Visibility;
  evidenceCount: number;
  /** Sum of the yearly value of the customers behind the insight, for ranking. */
  customerValue: number;
  createdAt: Date;
}

export interface SearchQuery {
  text: string;
  scope: ReadScope;
  filters?: Partial<Pick<SearchDocument, 'kind' | 'sentiment' | 'source' | 'triage' | 'teamId'>> & {
    goalId?: string;
    tag?: string;
    customerId?: string;
    segment?: string;
    hasStory?: boolean;
    from?: Date;
    to?: Date;
  };
  sort?: 'relevance' | 'newest' | 'evidence' | 'customer_value';
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  /** Highlighted excerpt, with matches wrapped in <mark>. */
  snippet: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Record<string, Record<string, number>>;
}

/**
 * One port, two engines (PostgreSQL full-text, Meilisearch), chosen by
 * configuration in one place. Visibility is applied inside the engine's query.
 */
export interface SearchIndex {
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Insights saying much the same as `text`, so a reporter can add evidence instead of a duplicate. */
  similar(text: string, scope: ReadScope, limit: number): Promise<SearchHit[]>;
}
