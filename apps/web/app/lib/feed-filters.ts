import {
  FEED_SORTS,
  type FeedFilters,
  type FeedSort,
  INSIGHT_KINDS,
  SENTIMENTS,
  SOURCE_KINDS,
  TRIAGE_STATES,
} from '@heard/domain';

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
    segment: params.get('segment') || undefined,
    from: isoDay(params.get('from')),
    // "to" is the last day people want included; the query's bound is exclusive.
    to: nextDay(isoDay(params.get('to'))),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as FeedFilters;
}

/** A YYYY-MM-DD date from a query string, or undefined. */
export function isoDay(value: string | null): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const nextDay = (date: Date | undefined) => date && new Date(date.getTime() + 86_400_000);

export function sortFromSearchParams(params: URLSearchParams): FeedSort {
  return pick(FEED_SORTS, params.get('sort')) ?? 'newest';
}
