import {
  INSIGHT_KINDS,
  SEARCH_SORTS,
  SENTIMENTS,
  type SearchFacet,
  type SearchFilters,
  type SearchSort,
  SOURCE_KINDS,
  TRIAGE_STATES,
} from '@heard/domain';

import { isoDay, nextDay, pick } from '../lib/feed-filters';

export const PAGE_SIZE = 20;
export const FACETS: SearchFacet[] = [
  'kind',
  'source',
  'sentiment',
  'goal',
  'tag',
  'team',
  'segment',
  'triage',
  'hasStory',
];

/** The search page's query string: text, filters, sort and page; unknown values are ignored. */
export function readSearchParams(params: URLSearchParams) {
  const filters: SearchFilters = {
    kind: pick(INSIGHT_KINDS, params.get('kind')),
    source: pick(SOURCE_KINDS, params.get('source')),
    sentiment: pick(SENTIMENTS, params.get('sentiment')),
    triage: pick(TRIAGE_STATES, params.get('triage')),
    goalId: params.get('goal') || undefined,
    tag: params.get('tag') || undefined,
    teamId: params.get('team') || undefined,
    customerId: params.get('customer') || undefined,
    segment: params.get('segment') || undefined,
    hasStory:
      params.get('hasStory') === 'true' ? true : params.get('hasStory') === 'false' ? false : undefined,
    from: isoDay(params.get('from')),
    // "to" is inclusive for people, exclusive for the engines.
    to: nextDay(isoDay(params.get('to'))),
  };
  const page = Math.max(1, Math.min(50, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  return {
    text: (params.get('q') ?? '').slice(0, 200),
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as SearchFilters,
    sort: pick(SEARCH_SORTS, params.get('sort')) ?? ('relevance' as SearchSort),
    page,
  };
}

/** Which query-string key each facet filters on. */
export const FACET_PARAM: Record<SearchFacet, string> = {
  kind: 'kind',
  source: 'source',
  sentiment: 'sentiment',
  triage: 'triage',
  tag: 'tag',
  goal: 'goal',
  team: 'team',
  segment: 'segment',
  hasStory: 'hasStory',
};
