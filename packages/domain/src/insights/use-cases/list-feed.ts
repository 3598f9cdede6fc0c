import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import {
  FEED_PAGE_SIZE,
  type FeedCursor,
  type FeedFilters,
  type FeedPage,
  type FeedSort,
  MAX_FEED_PAGE_SIZE,
} from '../feed';
import { readScopeFor } from '../visibility';

export interface ListFeedInput {
  actor: Person;
  filters?: FeedFilters;
  after?: FeedCursor | null;
  limit?: number;
  sort?: FeedSort;
  /** 1-based page, for the ranked sorts (newest first uses `after`). */
  page?: number;
}

/** Ranked views stop here: past it, nobody is looking for "most evidence" any more. */
export const MAX_RANKED_PAGE = 50;

/** Insights the actor may read, newest first or ranked; visibility is applied inside the query. */
export function listFeed(deps: Pick<Deps, 'insights'>, input: ListFeedInput): Promise<FeedPage> {
  // A limit from a query string may be NaN: that falls back to the default rather than reaching the query.
  const asked = Number.isNaN(input.limit) ? FEED_PAGE_SIZE : (input.limit ?? FEED_PAGE_SIZE);
  const limit = Math.min(Math.max(Math.trunc(asked), 1), MAX_FEED_PAGE_SIZE);
  const sort = input.sort ?? 'newest';
  const page = Math.min(Math.max(Math.trunc(Number(input.page) || 1), 1), MAX_RANKED_PAGE);
  return deps.insights.listFeed({
    scope: readScopeFor(input.actor),
    filters: input.filters ?? {},
    after: input.after ?? null,
    limit,
    sort,
    offset: sort === 'newest' ? 0 : (page - 1) * limit,
  });
}
