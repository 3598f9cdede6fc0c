import type { GuardedFinding } from './guard-text';
import type { PiiPolicy } from './pii-policy';

/** Which text of an insight a finding was made in. */
export type GuardedField = 'title' | 'body';

/** A finding as kept with the insight: what the reporter and admins are shown (never the original). */
export interface RecordedFinding extends Omit<GuardedFinding, 'original'> {
  id: string;
  field: GuardedField;
  /** Whether an original was kept aside (readable by admins only). */
  hasOriginal: boolean;
  at: Date;
}

/** Where the intake policy lives and where findings (and the originals the policy keeps) are stored. */
export interface PrivacyStore {
  /** The organisation's current intake policy (the defaults until an admin changes it). */
  policy(): Promise<PiiPolicy>;
  /** Appends the findings made in one field of an insight; originals go to a store apart. */
  recordFindings(insightId: string, field: GuardedField, findings: GuardedFinding[], at: Date): Promise<void>;
  /** What was masked or flagged in an insight, in the order it was found. */
  findingsFor(insightId: string): Promise<RecordedFinding[]>;
}
