import type { ReadScope, SearchFilters, SearchSort } from '@heard/domain';
import { MAX_QUERY_TEXT, parseSearchText } from '../text/query-syntax';
import { MARK_START, markedToHtml } from '../text/snippet';
import { EVERYONE, personTerm, teamTerm } from './meilisearch-documents';

/**
 * A string as a Meilisearch filter value: double-quoted, with `\` and `"`
 * escaped (the escaping Meilisearch's filter grammar has required since v1.4).
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number for a Meilisearch filter: ${value}`);
  return String(value);
}

/** The visibility rule as a filter; null for admins, who read everything. */
export function visibilityFilter(scope: ReadScope): string | null {
  if (scope.seesEverything) return null;
  const terms = [EVERYONE, personTerm(scope.personId)];
  if (scope.teamId !== null) terms.push(teamTerm(scope.teamId));
  return `audience IN [${terms.map(quote).join(', ')}]`;
}

/** The query's filters as conditions; Meilisearch ANDs the items of a filter array. */
export function filterConditions(filters: SearchFilters | undefined): string[] {
  if (!filters) return [];
  const conditions: string[] = [];
  const eq = (attribute: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(`${attribute} = ${quote(value)}`);
  };
  eq('kind', filters.kind);
  eq('sentiment', filters.sentiment);
  eq('source', filters.source);
  eq('triage', filters.triage);
  eq('tags', filters.tag);
  eq('goalIds', filters.goalId);
  eq('teamId', filters.teamId);
  eq('customerIds', filters.customerId);
  eq('segments', filters.segment);
  if (filters.hasStory !== undefined) conditions.push(`hasStory = ${filters.hasStory}`);
  if (filters.from) conditions.push(`createdAtTs >= ${num(filters.from.getTime() / 1000)}`);
  if (filters.to) conditions.push(`createdAtTs < ${num(filters.to.getTime() / 1000)}`);
  return conditions;
}

/** Relevance is Meilisearch's own order (no sort); a listing has no relevance, so it lists newest first. */
export function sortFor(sort: SearchSort | undefined, listing: boolean): string[] | undefined {
  switch (sort ?? 'relevance') {
    case 'relevance':
      return listing ? ['createdAtTs:desc'] : undefined;
    case 'newest':
      return ['createdAtTs:desc'];
    case 'evidence':
      return ['evidenceCount:desc', 'createdAtTs:desc'];
    case 'customer_value':
      return ['customerValue:desc', 'createdAtTs:desc'];
  }
}

export interface MeiliText {
  /** What to send as `q`. */
  q: string;
  /** Nothing to rank by (blank, punctuation, or only exclusions): list by the sort. */
  listing: boolean;
}

/**
 * The port's text syntax is Meilisearch's own (`"phrase"`, `-word` since
 * v1.8, typos, accents, the last word a prefix unless a space follows it), so
 * the text passes through with whitespace collapsed (a trailing space kept).
 * The shared parser only decides whether it asks for anything at all.
 */
export function meiliText(text: string): MeiliText {
  const input = text.normalize('NFC').slice(0, MAX_QUERY_TEXT);
  const parsed = parseSearchText(input);
  const positive = parsed.words.length + parsed.phrases.length > 0;
  const exclusions = parsed.excludedWords.length + parsed.excludedPhrases.length > 0;
  if (!positive && !exclusions) return { q: '', listing: true };
  return { q: input.replace(/\s+/g, ' ').trimStart(), listing: !positive };
}

/** Highlight tags sent to Meilisearch: the shared private-use sentinels, never markup. */
export { MARK_END as POST, MARK_START as PRE } from '../text/snippet';

/** Attributes cropped (and highlighted) for the snippet, in the order a match is looked for. */
export const SNIPPET_ATTRIBUTES = ['body', 'storySummary', 'storyPullQuote', 'storyHeadline'] as const;
export const CROP_LENGTH = 30;
export const CROP_MARKER = '…';

/** The snippet: the first cropped field with a match, else the start of the body (or the first non-empty field). */
export function snippetFrom(formatted: Partial<Record<string, unknown>> | undefined): string {
  const texts = SNIPPET_ATTRIBUTES.map((attribute) => formatted?.[attribute]).filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const chosen = texts.find((text) => text.includes(MARK_START)) ?? texts[0] ?? '';
  return markedToHtml(chosen);
}
