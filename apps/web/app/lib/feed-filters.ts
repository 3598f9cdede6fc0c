import { type FeedFilters, INSIGHT_KINDS, SENTIMENTS, SOURCE_KINDS, TRIAGE_STATES } from '@heard/domain';

/** The value when it is one of `allowed`, otherwise undefined: query strings are outside input. */
export const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the feed's filters from the query string, ignoring values that are not ours. */
export function filtersFromSearchParams(params: URLSearchParams): FeedFilters {
  const filters: FeedFilters = {
    kind: pick(INSIGHT_KINDS, params.get('kind')),
    source: pick(SOURCE_KINDS, params.get('source')),
    sentiment: pick(SENTIMENTS, params.get('sentiment')),
    triage: pick(TRIAGE_STATES, params.get('triage')),
    goalId: params.get('goal') || undefined,
    teamId: params.get('team') || undefined,
    customerId: params.get('customer') || undefined,
    tag: params.get('tag')?.trim().toLowerCase() || undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as FeedFilters;
}
