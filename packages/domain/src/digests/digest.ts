import type { InsightKind, Visibility } from '../insights/insight';
import { canReadInsight } from '../insights/visibility';
import type { Person } from '../people/person';
import type { DigestChannel, SubscriptionScope } from './subscription';

/** How many insights a digest shows: enough to read in two minutes. */
export const DIGEST_TOP_INSIGHTS = 8;
export const DIGEST_TOP_STORIES = 4;

/** An insight in scope for a period, as the builder fetched it (visibility fields included). */
export interface DigestCandidate {
  id: string;
  title: string;
  excerpt: string;
  kind: InsightKind;
  reporterId: string;
  visibility: Visibility;
  evidenceCount: number;
  reactionCount: number;
  customerValue: number;
  customerNames: string[];
  createdAt: Date;
}

export interface DigestInsight {
  id: string;
  title: string;
  excerpt: string;
  kind: InsightKind;
  evidenceCount: number;
  reactionCount: number;
  customerValue: number;
  customerNames: string[];
}

export interface DigestStory {
  insightId: string;
  reporterId: string;
  visibility: Visibility;
  headline: string;
  summary: string;
  pullQuote: string | null;
  /** The hero image's address, when the story has one. */
  imageUrl: string | null;
}

export interface DigestKpiPoint {
  at: string;
  value: number;
}

export interface DigestGoal {
  id: string;
  title: string;
  kpiName: string;
  unit: string;
  baseline: number;
  target: number;
  /** The latest measured value, and the one before this period, for the trend arrow. */
  current: number | null;
  before: number | null;
  measurements: DigestKpiPoint[];
}

export interface DigestAction {
  id: string;
  title: string;
  goalId: string;
  goalTitle: string;
  assigneeName: string;
}

export interface DigestEvaluation {
  id: string;
  goalId: string;
  goalTitle: string;
  actionTitle: string | null;
  result: 'better' | 'unchanged' | 'worse';
  kpiValue: number | null;
  note: string;
}

export interface DigestCounts {
  insights: number;
  stories: number;
  actionsOpened: number;
  actionsCompleted: number;
  evaluations: number;
}

/** What one subscription receives for one period: built for its reader, stored, then rendered per channel. */
export interface DigestContent {
  scope: SubscriptionScope;
  scopeLabel: string;
  channel: DigestChannel;
  period: { start: string; end: string };
  cadence: 'daily' | 'weekly';
  insights: DigestInsight[];
  stories: Array<Omit<DigestStory, 'reporterId' | 'visibility'>>;
  goals: DigestGoal[];
  actionsOpened: DigestAction[];
  actionsCompleted: DigestAction[];
  evaluations: DigestEvaluation[];
  counts: DigestCounts;
  /** One line on what changed since the last digest of this subscription. */
  changes: string;
}

/** What the builder found in scope for the period, before the reader's rights and the ranking are applied. */
export interface DigestMaterial {
  scopeLabel: string;
  candidates: DigestCandidate[];
  /** Readable insights in scope for the period, counted by the database with the same visibility rule. */
  readableInsightCount: number;
  stories: DigestStory[];
  goals: DigestGoal[];
  actionsOpened: DigestAction[];
  actionsCompleted: DigestAction[];
  evaluations: DigestEvaluation[];
}

/**
 * Evidence counts most (each is another customer saying the same), reactions next, and the
 * customers' value on a log scale so one big account does not drown everything else.
 */
export function digestScore(i: Pick<DigestCandidate, 'evidenceCount' | 'reactionCount' | 'customerValue'>) {
  return i.evidenceCount * 3 + i.reactionCount + Math.log10(1 + Math.max(0, i.customerValue) / 1000);
}

/** Nothing new in scope: no digest is sent for this period. */
export function isEmptyDigest(counts: DigestCounts): boolean {
  return Object.values(counts).every((n) => n === 0);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function delta(now: number, before: number): string {
  if (now === before) return 'as many as last time';
  return now > before ? `up from ${before}` : `down from ${before}`;
}

/** One line comparing this digest with the previous one of the same subscription. */
export function describeChanges(counts: DigestCounts, goals: DigestGoal[], previous: DigestCounts | null) {
  if (!previous) return `First digest: ${plural(counts.insights, 'new insight')}.`;
  const parts = [`${plural(counts.insights, 'new insight')} (${delta(counts.insights, previous.insights)})`];
  if (counts.stories !== previous.stories)
    parts.push(`${plural(counts.stories, 'story', 'stories')} published`);
  if (counts.actionsCompleted > 0) parts.push(`${plural(counts.actionsCompleted, 'action')} completed`);
  for (const g of goals) {
    if (g.current !== null && g.before !== null && g.current !== g.before) {
      parts.push(`${g.kpiName} ${formatKpi(g.before, g.unit)} → ${formatKpi(g.current, g.unit)}`);
    }
  }
  return `Since the last digest: ${parts.join('; ')}.`;
}

export function formatKpi(value: number, unit: string): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '%' ? `${n}%` : `${n} ${unit}`.trim();
}

/**
 * ↑ ↓ → for chat, where there is no chart, as a suffix (" ↓") or nothing when there is nothing to
 * compare with; "better" depends on which way the target lies.
 */
export function kpiTrend(goal: Pick<DigestGoal, 'current' | 'before' | 'baseline' | 'target'>) {
  if (goal.current === null || goal.before === null) return { arrow: '', improving: null as boolean | null };
  if (goal.current === goal.before) return { arrow: ' →', improving: null as boolean | null };
  const up = goal.current > goal.before;
  const wantsUp = goal.target >= goal.baseline;
  return { arrow: up ? ' ↑' : ' ↓', improving: up === wantsUp };
}

/**
 * The digest for one reader: only what they may read (the database query already applied the same
 * rule; this is the domain's own check on every item), ranked, trimmed, counted and compared.
 */
export function composeDigest(
  reader: Pick<Person, 'id' | 'teamId' | 'roles'>,
  material: DigestMaterial,
  meta: {
    scope: SubscriptionScope;
    channel: DigestChannel;
    cadence: 'daily' | 'weekly';
    period: { start: Date; end: Date };
    previous: DigestCounts | null;
  },
): DigestContent {
  const readable = material.candidates.filter((c) => canReadInsight(reader, c));
  const insights = readable
    .map((c) => ({ c, score: digestScore(c) }))
    .sort((a, b) => b.score - a.score || b.c.createdAt.getTime() - a.c.createdAt.getTime())
    .slice(0, DIGEST_TOP_INSIGHTS)
    .map(({ c }) => ({
      id: c.id,
      title: c.title,
      excerpt: c.excerpt,
      kind: c.kind,
      evidenceCount: c.evidenceCount,
      reactionCount: c.reactionCount,
      customerValue: c.customerValue,
      customerNames: c.customerNames,
    }));
  const stories = material.stories
    .filter((s) => canReadInsight(reader, s))
    .slice(0, DIGEST_TOP_STORIES)
    .map(({ reporterId: _r, visibility: _v, ...story }) => story);
  const counts: DigestCounts = {
    insights: Math.max(material.readableInsightCount, insights.length),
    stories: stories.length,
    actionsOpened: material.actionsOpened.length,
    actionsCompleted: material.actionsCompleted.length,
    evaluations: material.evaluations.length,
  };
  return {
    scope: meta.scope,
    scopeLabel: material.scopeLabel,
    channel: meta.channel,
    cadence: meta.cadence,
    period: { start: meta.period.start.toISOString(), end: meta.period.end.toISOString() },
    insights,
    stories,
    goals: material.goals,
    actionsOpened: material.actionsOpened,
    actionsCompleted: material.actionsCompleted,
    evaluations: material.evaluations,
    counts,
    changes: describeChanges(counts, material.goals, meta.previous),
  };
}
