import type { ImportSummary } from './run-import';
import { delimiterName } from './sniff';

const n = (value: number | undefined) => (value ?? 0).toLocaleString('en-GB');
const rows = (value: number | undefined) => `${n(value)} ${value === 1 ? 'row' : 'rows'}`;

/** The counts of a run as one line: "created 12 · matched 3 · …". */
export function describeCounts(kind: 'customers' | 'insights', counts: Record<string, number>): string {
  const parts = [`created ${n(counts.created)}`, `matched ${n(counts.matched)}`];
  if (kind === 'customers') parts.push(`merged ${n(counts.merged)}`, `queued for review ${n(counts.review)}`);
  parts.push(
    `rejected ${n(counts.rejected)}${counts.duplicates ? ` (${n(counts.duplicates)} repeated rows)` : ''}`,
  );
  if (kind === 'insights') {
    const customers = ['created', 'matched', 'merged', 'review'].map(
      (k) => `${k === 'review' ? 'queued for review' : k} ${n(counts[`customers ${k}`])}`,
    );
    parts.push(`customers: ${customers.join(', ')}`);
    parts.push(`personal data masked in ${rows(counts['pii masked'])}`);
    if (counts['pii flagged']) parts.push(`personal data kept and flagged in ${rows(counts['pii flagged'])}`);
  }
  if (counts.warnings)
    parts.push(`${n(counts.warnings)} rows kept without an unreadable email, phone or domain`);
  return parts.join(' · ');
}

/** What the command line prints when an import ends. */
export function summaryText(summary: ImportSummary, seconds: number, shownRejections = 20): string {
  const { run } = summary;
  const lines = [
    `Imported ${run.kind} from ${run.fileName} (source "${run.source}"; ${summary.encoding.toUpperCase()}, ${delimiterName(summary.delimiter)}-separated) in ${seconds.toFixed(1)} s` +
      (summary.resumedAfterLine ? `, resuming after line ${summary.resumedAfterLine}` : '') +
      '.',
    `  ${describeCounts(run.kind, run.counts)}`,
  ];
  for (const r of run.rejections.slice(0, shownRejections)) lines.push(`  line ${r.line}: ${r.reason}`);
  const more = (run.counts.rejected ?? 0) - Math.min(run.rejections.length, shownRejections);
  if (more > 0)
    lines.push(`  … and ${n(more)} more rejected lines (the first 1,000 are on the import page of the hub).`);
  lines.push(
    `  Columns: ${Object.entries(summary.mapping)
      .map(([field, column]) => `${field} ← "${column}"`)
      .join(', ')} (saved for source "${run.source}").`,
    `  ${summary.guarantee}`,
  );
  return lines.join('\n');
}
