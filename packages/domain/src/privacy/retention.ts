import { SOURCE_KINDS, type SourceKind } from '../insights/insight';

/** What retention policies can apply to. */
export const RETENTION_DATA = ['insight_text', 'pii_originals', 'chat_receipts', 'notifications'] as const;
export type RetentionData = (typeof RETENTION_DATA)[number];

export interface RetentionPolicy {
  id: string;
  data: RetentionData;
  /** Only insights from this source; null: every source without a policy of its own. */
  source: SourceKind | null;
  keepDays: number;
  afterwards: 'anonymise' | 'delete';
}

export const RETENTION_LABELS: Record<RetentionData, string> = {
  insight_text: 'Insight text (what was heard, as written)',
  pii_originals: 'Originals of masked personal data',
  chat_receipts: 'Chat delivery receipts',
  notifications: 'In-app notifications',
};

/** Insight text keeps its learning (anonymised); the rest is simply deleted when due. */
export const RETENTION_ACTIONS: Record<RetentionData, RetentionPolicy['afterwards'][]> = {
  insight_text: ['anonymise'],
  pii_originals: ['delete'],
  chat_receipts: ['delete'],
  notifications: ['delete'],
};

/** The instant before which data under this policy is due. */
export function retentionCutoff(policy: Pick<RetentionPolicy, 'keepDays'>, now: Date): Date {
  return new Date(now.getTime() - policy.keepDays * 86_400_000);
}

/** Sources an "every source" insight-text policy covers: those without a policy of their own. */
export function sourcesCoveredBy(policy: RetentionPolicy, all: readonly RetentionPolicy[]): SourceKind[] {
  if (policy.source) return [policy.source];
  const own = new Set(all.filter((p) => p.data === policy.data && p.source).map((p) => p.source));
  return SOURCE_KINDS.filter((s) => !own.has(s));
}

/** Checks a policy an admin submits; returns a sentence per problem, keyed by field. */
export function checkRetentionPolicy(input: {
  data: string;
  source: string | null;
  keepDays: number;
  afterwards: string;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(RETENTION_DATA as readonly string[]).includes(input.data))
    errors.data = 'Choose what the policy applies to.';
  if (input.source !== null && !(SOURCE_KINDS as readonly string[]).includes(input.source))
    errors.source = 'Choose a source from the list, or every source.';
  if (input.source !== null && input.data !== 'insight_text')
    errors.source = 'Only insight text can have a policy per source.';
  if (!Number.isInteger(input.keepDays) || input.keepDays < 1 || input.keepDays > 36_500)
    errors.keepDays = 'Keep for a whole number of days between 1 and 36,500.';
  const allowed = RETENTION_ACTIONS[input.data as RetentionData];
  if (allowed && !(allowed as string[]).includes(input.afterwards))
    errors.afterwards = `${RETENTION_LABELS[input.data as RetentionData]} can only be ${allowed.join(' or ')}d.`;
  return errors;
}
