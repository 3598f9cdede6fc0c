import type { InsightKind, Sentiment, SourceKind, TriageState, Visibility } from './insight';
import type { ReadScope } from './visibility';

export interface FeedFilters {
  goalId?: string;
  tag?: string;
  teamId?: string;
  kind?: InsightKind;
  source?: SourceKind;
  sentiment?: Sentiment;
  customerId?: string;
  triage?: TriageState;
  /** Segment of a customer the insight concerns (as subject). */
  segment?: string;
  /** Inclusive lower bound on when it was shared. */
  from?: Date;
  /** Exclusive upper bound on when it was shared. */
  to?: Date;
}

export const FEED_SORTS = ['newest', 'evidence', 'reactions', 'customer_value'] as const;
/** Newest first pages by cursor; the rankings page by offset (they reorder as people react). */
export type FeedSort = (typeof FEED_SORTS)[number];

/** Keyset position: newest first, ties broken by id, so deep pages stay as fast as the first. */
export interface FeedCursor {
  createdAt: string;
  id: string;
}

export interface FeedQuery {
  scope: ReadScope;
  filters: FeedFilters;
  after: FeedCursor | null;
  limit: number;
  sort?: FeedSort;
  /** Rows to skip, for the ranked sorts. */
  offset?: number;
}

/** An insight as a feed shows it: with names instead of ids. */
export interface FeedItem {
  id: string;
  title: string;
  body: string;
  kind: InsightKind;
  sentiment: Sentiment;
  source: { kind: SourceKind; url: string | null };
  reporter: { id: string; name: string; teamName: string | null };
  customers: { id: string; name: string; segment: string | null }[];
  goals: { id: string; title: string }[];
  tags: string[];
  visibility: Visibility;
  triage: TriageState;
  hasStory: boolean;
  evidenceCount: number;
  reactionCount: number;
  createdAt: Date;
}

export interface FeedPage {
  items: FeedItem[];
  /** Where the next page starts, for the newest-first feed. */
  next: FeedCursor | null;
  hasMore: boolean;
}

export const FEED_PAGE_SIZE = 20;
export const MAX_FEED_PAGE_SIZE = 100;
