import { createHash } from 'node:crypto';
import type { CustomerReference } from '@heard/domain';
import { INSIGHT_KINDS, type InsightKind, SENTIMENTS, type Sentiment } from '@heard/domain';
import type { MappedRow } from './run-import';

/** One insight read from one row, before its customer is matched and the domain's rules are applied. */
export interface InsightRow {
  title: string | null;
  body: string;
  kind: InsightKind;
  sentiment: Sentiment;
  tags: string[];
  createdAt: Date | null;
  /** `<source>:<id>`, or a digest of the row when the file has no id column: what makes a re-import idempotent. */
  externalId: string;
  customer: CustomerReference | null;
}

const KIND_WORDS: Record<string, InsightKind> = {
  bug: 'pain',
  complaint: 'pain',
  problem: 'pain',
  issue: 'pain',
  featurerequest: 'request',
  feature: 'request',
  wish: 'request',
  compliment: 'praise',
  kudos: 'praise',
  churn: 'churn_risk',
  churnrisk: 'churn_risk',
  question: 'observation',
  other: 'observation',
  suggestion: 'idea',
};

const SENTIMENT_WORDS: Record<string, Sentiment> = {
  pos: 'positive',
  good: 'positive',
  neg: 'negative',
  bad: 'negative',
  neutral: 'neutral',
  '1': 'negative',
  '2': 'negative',
  '3': 'neutral',
  '4': 'positive',
  '5': 'positive',
};

const squash = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads one mapped row; a string is why the row is rejected. */
export function readInsightRow(row: MappedRow, system: string): InsightRow | string {
  const kindWord = squash(row.kind ?? '');
  const kind = !kindWord
    ? 'observation'
    : (((INSIGHT_KINDS as readonly string[]).find((k) => squash(k) === kindWord) as
        | InsightKind
        | undefined) ?? KIND_WORDS[kindWord]);
  if (!kind) return `kind "${row.kind}" is not one of ${INSIGHT_KINDS.join(', ')}`;
  const sentimentWord = (row.sentiment ?? '').trim().toLowerCase();
  const sentiment = !sentimentWord
    ? 'neutral'
    : (SENTIMENTS as readonly string[]).includes(sentimentWord)
      ? (sentimentWord as Sentiment)
      : SENTIMENT_WORDS[sentimentWord];
  if (!sentiment) return `sentiment "${row.sentiment}" is not one of ${SENTIMENTS.join(', ')}`;
  let createdAt: Date | null = null;
  if (row.created_at) {
    createdAt = new Date(row.created_at);
    if (Number.isNaN(createdAt.getTime()))
      return `date "${row.created_at}" is not a date (write 2024-05-31 or 2024-05-31T14:00:00Z)`;
  }
  const customer: CustomerReference | null =
    row.customer || row.customer_email || row.customer_id || row.customer_domain
      ? {
          name: row.customer || null,
          email: row.customer_email || null,
          domain: row.customer_domain || null,
          identifiers: row.customer_id ? [{ system, value: row.customer_id }] : [],
        }
      : null;
  const externalId = row.id
    ? `${system}:${row.id}`
    : `${system}:sha1:${createHash('sha1').update([row.body, row.title, row.customer, row.customer_email, row.customer_id, row.created_at].join('\u0000')).digest('hex')}`;
  return {
    title: row.title || null,
    body: row.body ?? '',
    kind,
    sentiment,
    tags: (row.tags ?? '')
      .split(/[,;|]/)
      .map((t) => t.trim())
      .filter(Boolean),
    createdAt,
    externalId,
    customer,
  };
}
