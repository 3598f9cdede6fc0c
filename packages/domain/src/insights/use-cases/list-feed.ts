import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import {
  FEED_PAGE_SIZE,
  type FeedCursor,
  type FeedFilters,
  type FeedPage,
  MAX_FEED_PAGE_SIZE,
} from '../feed';
import { readScopeFor } from '../visibility';

export interface ListFeedInput {
  actor: Person;
  filters?: FeedFilters;
  after?: FeedCursor | null;
  limit?: number;
}

/** The newest insights the actor may read; visibility is applied inside the query. */
export function listFeed(deps: Pick<Deps, 'insights'>, input: ListFeedInput): Promise<FeedPage> {
  // A limit from a query string may be NaN: that falls back to the default rather than reaching the query.
  const asked = Number.isNaN(input.limit) ? FEED_PAGE_SIZE : (input.limit ?? FEED_PAGE_SIZE);
  const limit = Math.min(Math.max(Math.trunc(asked), 1), MAX_FEED_PAGE_SIZE);
  return deps.insights.listFeed({
    scope: readScopeFor(input.actor),
    filters: input.filters ?? {},
    after: input.after ?? null,
    limit,
  });
}
