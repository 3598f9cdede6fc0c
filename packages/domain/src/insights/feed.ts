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
}

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
  next: FeedCursor | null;
}

export const FEED_PAGE_SIZE = 20;
export const MAX_FEED_PAGE_SIZE = 100;
