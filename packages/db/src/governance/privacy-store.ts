import {
  completePiiPolicy,
  type GuardedField,
  type PiiKind,
  type PiiPolicy,
  type PrivacyStore,
  type RecordedFinding,
} from '@heard/domain';
import { asDate, type Db, isUuid } from '../repositories/db';
import type { Sql } from './sql';

const POLICY_KEY = 'pii_policy';

/** The intake policy and the findings kept with insights, on PostgreSQL. */
export function createPrivacyStore(db: Db): PrivacyStore {
  return {
    policy: () => loadPiiPolicy(db),
    async recordFindings(insightId, field, findings, at) {
      for (const f of findings) {
        const [row] = await db`
          insert into pii_findings (insight_id, field, kind, action, start_at, end_at, shown, reason, found_at)
          values (${insightId}, ${field}, ${f.kind}, ${f.action}, ${f.start}, ${f.end}, ${f.shown}, ${f.reason}, ${at})
          returning id`;
        if (f.original !== null)
          await db`insert into pii_originals (finding_id, original, kept_at) values (${row!.id}, ${f.original}, ${at})`;
      }
    },
    async findingsFor(insightId) {
      if (!isUuid(insightId)) return [];
      const rows = await db`
        select f.*, (o.finding_id is not null) as has_original
        from pii_findings f left join pii_originals o on o.finding_id = f.id
        where f.insight_id = ${insightId} order by f.id`;
      return rows.map(
        (r): RecordedFinding => ({
          id: String(r.id),
          field: r.field as GuardedField,
          kind: r.kind as PiiKind,
          action: r.action as RecordedFinding['action'],
          start: Number(r.start_at),
          end: Number(r.end_at),
          shown: r.shown as string,
          reason: r.reason as string,
          hasOriginal: Boolean(r.has_original),
          at: asDate(r.found_at),
        }),
      );
    },
  };
}

export async function loadPiiPolicy(db: Db): Promise<PiiPolicy> {
  const [row] = await db`select value from privacy_settings where key = ${POLICY_KEY}`;
  return completePiiPolicy(row?.value as Partial<PiiPolicy> | undefined);
}

/** Stores a new intake policy and notes the change in the audit log, in one transaction. */
export async function savePiiPolicy(sql: Sql, policy: PiiPolicy, by: string, at: Date): Promise<void> {
  const before = await loadPiiPolicy(sql);
  await sql.begin(async (tx) => {
    await tx`
      insert into privacy_settings (key, value, updated_by, updated_at)
      values (${POLICY_KEY}, ${tx.json(policy as never)}, ${by}, ${at})
      on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`;
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${by}, 'privacy.policy_changed', 'privacy_policy', ${POLICY_KEY}, ${tx.json({ before, after: policy } as never)}, ${at})`;
  });
}

/** Originals kept aside for one insight; the caller has checked the reader's right, this records the read. */
export async function revealOriginals(
  db: Db,
  insightId: string,
  readerId: string,
  at: Date,
): Promise<{ findingId: string; kind: PiiKind; shown: string; original: string }[]> {
  if (!isUuid(insightId)) return [];
  const rows = await db`
    select f.id, f.kind, f.shown, o.original
    from pii_findings f join pii_originals o on o.finding_id = f.id
    where f.insight_id = ${insightId} order by f.id`;
  if (rows.length > 0)
    await db`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${readerId}, 'insight.pii_revealed', 'insight', ${insightId}, ${db.json({ count: rows.length } as never)}, ${at})`;
  return rows.map((r) => ({
    findingId: String(r.id),
    kind: r.kind as PiiKind,
    shown: r.shown as string,
    original: r.original as string,
  }));
}
