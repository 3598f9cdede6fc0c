import { recordAudit } from '../audit/record';
import type { Repositories } from '../deps';
import { ValidationError } from '../shared/errors';
import { describeRejection, type GuardedFinding, guardText } from './guard-text';
import { DEFAULT_PII_POLICY } from './pii-policy';
import type { GuardedField } from './privacy-store.port';

/** What the reporter is told about one finding: what stands in the text now, and why. */
export interface PrivacyNotice {
  field: GuardedField;
  kind: GuardedFinding['kind'];
  action: GuardedFinding['action'];
  shown: string;
  reason: string;
}

export interface GuardedInsightText {
  title?: string;
  body?: string;
  findings: Partial<Record<GuardedField, GuardedFinding[]>>;
  notices: PrivacyNotice[];
}

/**
 * Scans an insight's title and body at intake with the organisation's policy: returns the
 * texts to store, or refuses with a field error when the policy rejects something found.
 */
export async function guardInsightText(
  repos: Pick<Repositories, 'privacy'>,
  texts: { title?: string | null; body?: string },
): Promise<GuardedInsightText> {
  const policy = (await repos.privacy?.policy()) ?? DEFAULT_PII_POLICY;
  const result: GuardedInsightText = { findings: {}, notices: [] };
  for (const field of ['title', 'body'] as const) {
    const text = texts[field];
    if (!text) continue;
    const guarded = guardText(text, policy);
    if (guarded.rejected.length > 0)
      throw new ValidationError([
        { field, code: 'INSIGHT.PII.REJECTED', message: describeRejection(guarded.rejected) },
      ]);
    result[field] = guarded.text;
    result.findings[field] = guarded.findings;
    for (const f of guarded.findings)
      result.notices.push({ field, kind: f.kind, action: f.action, shown: f.shown, reason: f.reason });
  }
  return result;
}

/** Keeps the findings with the insight and notes in the audit log what kinds were found (never the values). */
export async function recordInsightFindings(
  tx: Pick<Repositories, 'privacy' | 'audit'>,
  insightId: string,
  guarded: GuardedInsightText,
  actorId: string,
  at: Date,
): Promise<void> {
  if (guarded.notices.length === 0) return;
  for (const field of ['title', 'body'] as const) {
    const findings = guarded.findings[field];
    if (findings?.length) await tx.privacy?.recordFindings(insightId, field, findings, at);
  }
  const counts: Record<string, number> = {};
  for (const n of guarded.notices)
    counts[`${n.action}.${n.kind}`] = (counts[`${n.action}.${n.kind}`] ?? 0) + 1;
  await recordAudit(tx.audit, actorId, 'insight.pii_guarded', { type: 'insight', id: insightId }, at, counts);
}
