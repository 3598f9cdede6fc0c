import { PII_LABELS, PII_REASONS, type PiiFinding, type PiiKind } from './pii-kinds';
import type { PiiPolicy } from './pii-policy';
import { scanPii } from './pii-scan';

/** What intake did with one finding; offsets are in the stored text. */
export interface GuardedFinding {
  kind: PiiKind;
  action: 'masked' | 'flagged';
  start: number;
  end: number;
  /** What now stands in the text (the mask, or the original when flagged). */
  shown: string;
  /** The original, only when the policy keeps it; stored apart and readable by admins only. */
  original: string | null;
  reason: string;
}

export interface GuardedText {
  text: string;
  findings: GuardedFinding[];
  /** Findings whose kind the policy refuses outright; nothing may be stored while any remain. */
  rejected: PiiFinding[];
}

/** The mask keeps the last digits of card numbers (as receipts do) so the reporter recognises it. */
export function maskFor(finding: Pick<PiiFinding, 'kind' | 'value'>): string {
  if (finding.kind === 'card') return `[card ending ${finding.value.replace(/\D/g, '').slice(-4)}]`;
  return `[${PII_LABELS[finding.kind]} hidden]`;
}

/** Applies the policy to a text: masks, flags or rejects each finding. Pure; stores nothing. */
export function guardText(text: string, policy: PiiPolicy): GuardedText {
  const found = scanPii(text);
  const rejected = found.filter((f) => policy[f.kind].action === 'reject');
  const findings: GuardedFinding[] = [];
  let out = '';
  let cursor = 0;
  for (const f of found) {
    const rule = policy[f.kind];
    if (rule.action === 'reject') continue;
    out += text.slice(cursor, f.start);
    const shown = rule.action === 'mask' ? maskFor(f) : f.value;
    findings.push({
      kind: f.kind,
      action: rule.action === 'mask' ? 'masked' : 'flagged',
      start: out.length,
      end: out.length + shown.length,
      shown,
      original: rule.action === 'mask' && rule.keepOriginal ? f.value : null,
      reason: PII_REASONS[f.kind],
    });
    out += shown;
    cursor = f.end;
  }
  out += text.slice(cursor);
  return { text: out, findings, rejected };
}

/** Masks every finding whatever the policy: retention and erasure anonymise this way. */
export function anonymiseText(text: string): string {
  const found = scanPii(text);
  let out = '';
  let cursor = 0;
  for (const f of found) {
    out += text.slice(cursor, f.start) + maskFor(f);
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/** One sentence naming what to take out, for the reporter. */
export function describeRejection(rejected: readonly Pick<PiiFinding, 'kind'>[]): string {
  const names = [...new Set(rejected.map((f) => PII_LABELS[f.kind]))].join(' and ');
  return `Remove the ${names} from the text and share again: this organisation does not accept them in insights.`;
}
