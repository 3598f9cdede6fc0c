import {
  type GuardedFinding,
  type GuardedInsightText,
  guardInsightText,
  type NewAuditEvent,
  type PiiPolicy,
  type PrivacyStore,
  recordInsightFindings,
  ValidationError,
} from '@heard/domain';
import type { Db } from '../repositories/db';

/**
 * The intake policy applied to one imported row, as `postInsight` applies it: the texts to store,
 * or why the policy refuses the row.
 */
export async function guardImportedText(
  policy: PiiPolicy,
  texts: { title: string | null; body: string },
): Promise<GuardedInsightText | { rejected: string }> {
  const repos = { privacy: { policy: async () => policy } as unknown as PrivacyStore };
  try {
    return await guardInsightText(repos, { title: texts.title?.trim(), body: texts.body.trim() });
  } catch (error) {
    if (error instanceof ValidationError) return { rejected: error.issues.map((i) => i.message).join(' ') };
    throw error;
  }
}

/**
 * Keeps what intake found in a batch of imported insights, with the domain's own bookkeeping
 * (`recordInsightFindings`: findings, originals where the policy keeps them, one audit entry per
 * insight naming what was masked), written in a few statements for the whole batch instead of
 * several per row.
 */
export async function recordImportedFindings(
  tx: Db,
  rows: { id: string; guarded: GuardedInsightText }[],
  actorId: string,
  at: Date,
): Promise<void> {
  const findings: { insightId: string; field: string; finding: GuardedFinding }[] = [];
  const audits: NewAuditEvent[] = [];
  const collector = {
    privacy: {
      recordFindings: async (insightId: string, field: string, found: GuardedFinding[]) => {
        for (const finding of found) findings.push({ insightId, field, finding });
      },
    } as unknown as PrivacyStore,
    audit: { record: async (event: NewAuditEvent) => void audits.push(event) },
  };
  for (const row of rows) await recordInsightFindings(collector, row.id, row.guarded, actorId, at);
  if (findings.length === 0) return;
  const stored = await tx`
    insert into pii_findings (insight_id, field, kind, action, start_at, end_at, shown, reason, found_at)
    select insight_id, field, kind, action, start_at, end_at, shown, reason, ${at}
    from unnest(${findings.map((f) => f.insightId)}::uuid[], ${findings.map((f) => f.field)}::text[],
                ${findings.map((f) => f.finding.kind)}::text[], ${findings.map((f) => f.finding.action)}::text[],
                ${findings.map((f) => f.finding.start)}::int[], ${findings.map((f) => f.finding.end)}::int[],
                ${findings.map((f) => f.finding.shown)}::text[], ${findings.map((f) => f.finding.reason)}::text[])
      with ordinality as t(insight_id, field, kind, action, start_at, end_at, shown, reason, ord)
    order by ord
    returning id, insight_id, field, start_at`;
  // A finding is one place in one field of one insight: that is how each stored id is paired with its original.
  const idOf = new Map(stored.map((r) => [`${r.insight_id}|${r.field}|${r.start_at}`, String(r.id)]));
  const originals = findings
    .filter((f) => f.finding.original !== null)
    .map((f) => ({
      id: idOf.get(`${f.insightId}|${f.field}|${f.finding.start}`)!,
      original: f.finding.original!,
    }));
  if (originals.length > 0)
    await tx`
      insert into pii_originals (finding_id, original, kept_at)
      select id, original, ${at} from unnest(${originals.map((o) => o.id)}::bigint[], ${originals.map((o) => o.original)}::text[]) as t(id, original)`;
  if (audits.length > 0)
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      select ${actorId}::uuid, action, subject_type, subject_id, details::jsonb, ${at}
      from unnest(${audits.map((a) => a.action)}::text[], ${audits.map((a) => a.subject.type)}::text[],
                  ${audits.map((a) => a.subject.id)}::text[], ${audits.map((a) => JSON.stringify(a.details))}::text[])
        as t(action, subject_type, subject_id, details)`;
}

/** Whether any finding in a guarded text was masked (rather than only flagged). */
export const hadMasking = (guarded: GuardedInsightText): boolean =>
  guarded.notices.some((n) => n.action === 'masked');

/** Whether any finding was kept as written and flagged. */
export const hadFlagging = (guarded: GuardedInsightText): boolean =>
  guarded.notices.some((n) => n.action === 'flagged');
