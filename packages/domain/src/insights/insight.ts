export const INSIGHT_KINDS = [
  'story',
  'pain',
  'request',
  'praise',
  'churn_risk',
  'idea',
  'observation',
] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative', 'mixed'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const SOURCE_KINDS = ['slack', 'teams', 'web', 'api', 'import', 'email'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const TRIAGE_STATES = ['new', 'triaged', 'archived'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** Where an insight came from, with a link back to the original message when there is one. */
export interface Source {
  kind: SourceKind;
  url: string | null;
  /** Id in the source system (message ts, activity id, CSV row key) so a retry never posts twice. */
  externalId: string | null;
}

/** Who may read an insight besides its reporter. */
export type Visibility =
  | { scope: 'everyone' }
  | { scope: 'team'; teamId: string }
  | { scope: 'people'; personIds: string[] };

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string | null;
}

export interface HeroMedia {
  kind: 'image' | 'video';
  url: string;
  alt: string;
}

/** What a curator makes of an insight worth telling: headline, summary, pull quote, media. */
export interface Story {
  headline: string;
  summary: string;
  pullQuote: string | null;
  heroMedia: HeroMedia | null;
  status: 'draft' | 'published';
  curatorId: string;
  publishedAt: Date | null;
}

/** Why an insight serves a goal, in one line, and who said so. */
export interface GoalLink {
  goalId: string;
  rationale: string | null;
  linkedBy: string;
  linkedAt: Date;
}

/** One thing heard from or about customers. */
export interface Insight {
  id: string;
  title: string;
  body: string;
  kind: InsightKind;
  sentiment: Sentiment;
  source: Source;
  reporterId: string;
  customerIds: string[];
  tags: string[];
  goals: GoalLink[];
  visibility: Visibility;
  attachments: AttachmentMeta[];
  triage: TriageState;
  story: Story | null;
  evidenceCount: number;
  reactionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A further customer who says the same thing, counted when ranking. */
export interface Evidence {
  id: string;
  insightId: string;
  customerId: string;
  addedBy: string;
  note: string | null;
  createdAt: Date;
}

export const ME_TOO = 'me-too';

/** An emoji or "me too" from a person, made on the web or in chat. */
export interface Reaction {
  insightId: string;
  personId: string;
  emoji: string;
  createdAt: Date;
}

export const MAX_BODY_LENGTH = 20_000;
export const MAX_TITLE_LENGTH = 140;
export const MAX_TAGS = 20;

/**
 * Markdown a line may open with: headings, quotes, and bullets. A bullet needs
 * a space after it, so "-20% renewals" keeps its minus sign.
 */
const LEADING_MARKUP = /^(?:#+\s*|>\s*|[-*+](?:\s+|$))+/;

/** A title from the first line of the text when the reporter gave none; feeds and cards need one. */
export function deriveTitle(body: string): string {
  const firstLine =
    body
      .split('\n')
      .map((line) => stripInlineMarkdown(line.trim().replace(LEADING_MARKUP, '')).trim())
      .find((line) => line.length > 0 && !/^[-*_=\s]+$/.test(line)) ?? '';
  if (firstLine.length <= MAX_TITLE_LENGTH) return firstLine;
  return `${firstLine.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`;
}

/** Titles are plain text: keep link text and emphasised words, drop the markup around them. */
function stripInlineMarkdown(line: string): string {
  return line.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|__|\*|_|~~|`)(\S(?:.*?\S)?)\1/g, '$2');
}

/** Tags compare case-insensitively and without the `#` people type in chat. */
export function normaliseTag(tag: string): string {
  return tag
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_-]/gu, '');
}

export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normaliseTag).filter((t) => t.length > 0))];
}
