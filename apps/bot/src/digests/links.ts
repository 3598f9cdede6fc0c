import { DateTime } from 'luxon';

/** Absolute hub addresses a digest points to; every item links to the hub. */
export interface DigestLinks {
  insight(id: string): string;
  goal(id: string): string;
  /** The digest's web version in the archive. */
  webVersion: string;
  /** The signed one-click unsubscribe link. */
  unsubscribe: string;
  /** Where the reader manages all their subscriptions. */
  manage: string;
  /** A story image stored with a relative address becomes absolute. */
  image(url: string): string;
}

export function digestLinks(hubUrl: string, digestId: string, unsubscribeToken: string): DigestLinks {
  const base = hubUrl.replace(/\/+$/, '');
  return {
    insight: (id) => `${base}/insights/${id}`,
    goal: (id) => `${base}/goals/${id}`,
    webVersion: `${base}/digests/${digestId}`,
    unsubscribe: `${base}/unsubscribe/${unsubscribeToken}`,
    manage: `${base}/subscriptions`,
    image: (url) => (/^https?:\/\//.test(url) ? url : `${base}/${url.replace(/^\/+/, '')}`),
  };
}

/** "3 – 10 June 2026" in the reader's time zone (the end is exclusive: the send moment). */
export function periodLabel(period: { start: string; end: string }, timeZone: string): string {
  const start = DateTime.fromISO(period.start, { zone: timeZone });
  const end = DateTime.fromISO(period.end, { zone: timeZone });
  const sameYear = start.year === end.year;
  return `${start.toFormat(sameYear ? 'd LLL' : 'd LLL yyyy')} – ${end.toFormat('d LLL yyyy')}`;
}

/** The digest's title line, e.g. "Weekly digest · Goal: Halve billing complaints by Q3". */
export function digestTitle(content: { cadence: 'daily' | 'weekly'; scopeLabel: string }): string {
  return `${content.cadence === 'daily' ? 'Daily' : 'Weekly'} digest · ${content.scopeLabel}`;
}

export const KIND_LABEL: Record<string, string> = {
  story: 'Story',
  pain: 'Pain',
  request: 'Request',
  praise: 'Praise',
  churn_risk: 'Churn risk',
  idea: 'Idea',
  observation: 'Observation',
};

export const RESULT_LABEL: Record<string, string> = {
  better: 'better',
  unchanged: 'unchanged',
  worse: 'worse',
};

/** "3 evidence · 2 reactions · Acme, Kestrel" */
export function insightFacts(i: { evidenceCount: number; reactionCount: number; customerNames: string[] }) {
  const parts = [
    `${i.evidenceCount} evidence`,
    `${i.reactionCount} ${i.reactionCount === 1 ? 'reaction' : 'reactions'}`,
  ];
  if (i.customerNames.length) parts.push(i.customerNames.join(', '));
  return parts.join(' · ');
}
