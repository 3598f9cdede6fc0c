import type { SearchDocument, SearchFacet } from '@heard/domain';
import type { Settings } from 'meilisearch';
import { stripSentinels } from '../text/snippet';

/**
 * One insight as Meilisearch stores it. Text fields are searchable, the rest
 * filterable/sortable. `audience` carries the visibility rule as data so the
 * engine applies it inside the query (see `visibilityFilter`).
 */
export interface MeiliInsight {
  id: string;
  title: string;
  body: string;
  tags: string[];
  customerNames: string[];
  storyHeadline: string | null;
  storySummary: string | null;
  storyPullQuote: string | null;
  hasStory: boolean;
  kind: string;
  sentiment: string;
  source: string;
  triage: string;
  reporterId: string;
  teamId: string | null;
  goalIds: string[];
  customerIds: string[];
  segments: string[];
  evidenceCount: number;
  reactionCount: number;
  customerValue: number;
  /** Unix seconds with the milliseconds as a fraction, so `from`/`to` bounds stay exact. */
  createdAtTs: number;
  /** ISO timestamp, only returned (hits' `createdAt`), never filtered. */
  createdAt: string;
  audience: string[];
}

export const EVERYONE = 'everyone';
export const personTerm = (personId: string): string => `person:${personId}`;
export const teamTerm = (teamId: string): string => `team:${teamId}`;

/** Who may read it besides admins: its audience, always plus its reporter. */
export function audienceOf(doc: Pick<SearchDocument, 'reporterId' | 'visibility'>): string[] {
  const v = doc.visibility;
  const terms =
    v.scope === 'everyone'
      ? [EVERYONE]
      : v.scope === 'team'
        ? [teamTerm(v.teamId)]
        : v.personIds.map(personTerm);
  return [...new Set([...terms, personTerm(doc.reporterId)])];
}

export function toMeiliDocument(doc: SearchDocument): MeiliInsight {
  return {
    id: doc.id,
    title: doc.title,
    // Snippets come from these fields: a document must not be able to forge a highlight.
    body: stripSentinels(doc.body),
    tags: doc.tags,
    customerNames: doc.customerNames,
    storyHeadline: doc.story ? stripSentinels(doc.story.headline) : null,
    storySummary: doc.story ? stripSentinels(doc.story.summary) : null,
    storyPullQuote: doc.story?.pullQuote ? stripSentinels(doc.story.pullQuote) : null,
    hasStory: doc.story !== null,
    kind: doc.kind,
    sentiment: doc.sentiment,
    source: doc.source,
    triage: doc.triage,
    reporterId: doc.reporterId,
    teamId: doc.teamId,
    goalIds: doc.goalIds,
    customerIds: doc.customerIds,
    segments: doc.segments,
    evidenceCount: doc.evidenceCount,
    reactionCount: doc.reactionCount,
    customerValue: doc.customerValue,
    createdAtTs: doc.createdAt.getTime() / 1000,
    createdAt: doc.createdAt.toISOString(),
    audience: audienceOf(doc),
  };
}

/** Port facet → Meilisearch attribute. Facet counts come back keyed by the attribute's values. */
export const FACET_ATTRIBUTES: Record<SearchFacet, keyof MeiliInsight> = {
  kind: 'kind',
  sentiment: 'sentiment',
  source: 'source',
  triage: 'triage',
  tag: 'tags',
  goal: 'goalIds',
  team: 'teamId',
  segment: 'segments',
  hasStory: 'hasStory',
};

/** Searchable attributes in weight order (the `attribute` ranking rule uses it). */
export const SEARCHABLE_ATTRIBUTES: (keyof MeiliInsight)[] = [
  'title',
  'customerNames',
  'tags',
  'storyHeadline',
  'body',
  'storySummary',
  'storyPullQuote',
];
export const FILTERABLE_ATTRIBUTES: (keyof MeiliInsight)[] = [
  'kind',
  'sentiment',
  'source',
  'triage',
  'tags',
  'goalIds',
  'teamId',
  'customerIds',
  'segments',
  'hasStory',
  'createdAtTs',
  'audience',
];
export const SORTABLE_ATTRIBUTES: (keyof MeiliInsight)[] = ['createdAtTs', 'evidenceCount', 'customerValue'];
/**
 * Meilisearch's default rules with `sort` moved first: an explicit sort
 * (newest, evidence, customer value) orders every match strictly, as the
 * port and the PostgreSQL engine do, with relevance only breaking ties.
 * Without a sort parameter the `sort` rule does nothing, so relevance is untouched.
 */
export const RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];
/** Meilisearch never returns (nor counts) more hits than this per query; totals at the cap are not exact. */
export const MAX_TOTAL_HITS = 1000;
export const MAX_VALUES_PER_FACET = 500;

export const INDEX_SETTINGS: Settings = {
  searchableAttributes: SEARCHABLE_ATTRIBUTES,
  filterableAttributes: FILTERABLE_ATTRIBUTES,
  sortableAttributes: SORTABLE_ATTRIBUTES,
  rankingRules: RANKING_RULES,
  typoTolerance: { enabled: true },
  // Most frequent values first, so a long tail of tags is what gets cut.
  faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
};

/** Meilisearch keeps these as sets and answers them sorted: compare without order. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes']);

/** The part of `desired` that `current` does not already have (empty when nothing needs updating). */
export function settingsToUpdate(desired: Settings, current: Settings): Settings {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    const have = (current as Record<string, unknown>)[key];
    const same = UNORDERED.has(key) ? sameSet(value, have) : covers(have, value);
    if (!same) update[key] = value;
  }
  return update as Settings;
}

function sameSet(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  const key = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  const have = new Set(b.map(key));
  return a.every((x) => have.has(key(x)));
}

/** Whether `have` matches `want`; objects only on the keys `want` sets (the server adds defaults). */
function covers(have: unknown, want: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => covers(have[i], w));
  }
  if (want !== null && typeof want === 'object') {
    if (have === null || typeof have !== 'object') return false;
    return Object.entries(want).every(([k, w]) => covers((have as Record<string, unknown>)[k], w));
  }
  return have === want;
}
