import {
  type RetentionData,
  type RetentionPolicy,
  retentionCutoff,
  type SourceKind,
  sourcesCoveredBy,
} from '@heard/domain';
import { asDate, type Db, isUuid } from '../repositories/db';
import { anonymiseInsights } from './anonymise-insights';
import type { Sql } from './sql';

export async function listRetentionPolicies(db: Db): Promise<RetentionPolicy[]> {
  const rows = await db`select * from retention_policies order by data, source_kind nulls last`;
  return rows.map((r) => ({
    id: r.id as string,
    data: r.data as RetentionData,
    source: (r.source_kind as SourceKind | null) ?? null,
    keepDays: Number(r.keep_days),
    afterwards: r.then_action as RetentionPolicy['afterwards'],
  }));
}

/** Creates or replaces the policy for (data, source); the caller validated it. */
export async function saveRetentionPolicy(
  sql: Sql,
  policy: Omit<RetentionPolicy, 'id'>,
  by: string,
  at: Date,
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      insert into retention_policies (data, source_kind, keep_days, then_action, updated_at)
      values (${policy.data}, ${policy.source}, ${policy.keepDays}, ${policy.afterwards}, ${at})
      on conflict on constraint retention_policies_once
      do update set keep_days = excluded.keep_days, then_action = excluded.then_action, updated_at = excluded.updated_at`;
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${by}, 'retention.policy_saved', 'retention_policy', ${`${policy.data}:${policy.source ?? 'any'}`},
              ${tx.json(policy as never)}, ${at})`;
  });
}

export async function deleteRetentionPolicy(sql: Sql, id: string, by: string, at: Date): Promise<boolean> {
  if (!isUuid(id)) return false;
  return sql.begin(async (tx) => {
    const [gone] = await tx`delete from retention_policies where id = ${id} returning data, source_kind`;
    if (!gone) return false;
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${by}, 'retention.policy_removed', 'retention_policy', ${`${gone.data}:${gone.source_kind ?? 'any'}`}, '{}', ${at})`;
    return true;
  });
}

export interface LegalHold {
  id: string;
  subjectType: 'customer' | 'insight';
  subjectId: string;
  subjectName: string | null;
  reason: string;
  placedBy: string | null;
  placedAt: Date;
}

export async function listLegalHolds(db: Db): Promise<LegalHold[]> {
  const rows = await db`
    select h.*, coalesce(c.name, i.title) as subject_name
    from legal_holds h
    left join customers c on h.subject_type = 'customer' and c.id = h.subject_id
    left join insights i on h.subject_type = 'insight' and i.id = h.subject_id
    where h.released_at is null order by h.placed_at desc`;
  return rows.map((r) => ({
    id: r.id as string,
    subjectType: r.subject_type as LegalHold['subjectType'],
    subjectId: r.subject_id as string,
    subjectName: (r.subject_name as string | null) ?? null,
    reason: r.reason as string,
    placedBy: (r.placed_by as string | null) ?? null,
    placedAt: asDate(r.placed_at),
  }));
}

/** Places a hold; returns null when the customer or insight does not exist. */
export async function placeLegalHold(
  sql: Sql,
  hold: { subjectType: 'customer' | 'insight'; subjectId: string; reason: string; by: string; at: Date },
): Promise<string | null> {
  if (!isUuid(hold.subjectId)) return null;
  return sql.begin(async (tx) => {
    const [exists] =
      hold.subjectType === 'customer'
        ? await tx`select 1 from customers where id = ${hold.subjectId} and erased_at is null`
        : await tx`select 1 from insights where id = ${hold.subjectId}`;
    if (!exists) return null;
    const [row] = await tx`
      insert into legal_holds (subject_type, subject_id, reason, placed_by, placed_at)
      values (${hold.subjectType}, ${hold.subjectId}, ${hold.reason}, ${hold.by}, ${hold.at}) returning id`;
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${hold.by}, 'legal_hold.placed', ${hold.subjectType}, ${hold.subjectId}, ${tx.json({ reason: hold.reason })}, ${hold.at})`;
    return row!.id as string;
  });
}

export async function releaseLegalHold(sql: Sql, id: string, by: string, at: Date): Promise<boolean> {
  if (!isUuid(id)) return false;
  return sql.begin(async (tx) => {
    const [row] = await tx`
      update legal_holds set released_by = ${by}, released_at = ${at}
      where id = ${id} and released_at is null returning subject_type, subject_id`;
    if (!row) return false;
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (${by}, 'legal_hold.released', ${row.subject_type}, ${row.subject_id}, '{}', ${at})`;
    return true;
  });
}

/** Insights under a legal hold, directly or through a customer they concern. */
const HELD_INSIGHT = (db: Db) => db`
  exists (select 1 from legal_holds h where h.released_at is null and (
    (h.subject_type = 'insight' and h.subject_id = i.id)
    or (h.subject_type = 'customer' and (
      exists (select 1 from insight_customers ic where ic.insight_id = i.id and ic.customer_id = h.subject_id)
      or exists (select 1 from evidence e where e.insight_id = i.id and e.customer_id = h.subject_id)))))`;

export interface RetentionReportItem {
  data: RetentionData;
  source: SourceKind | null;
  keepDays: number;
  afterwards: RetentionPolicy['afterwards'];
  /** Records anonymised or deleted. */
  affected: number;
  /** Records past due but kept because of a legal hold. */
  held: number;
}

export interface RetentionReport {
  asOf: string;
  items: RetentionReportItem[];
  total: number;
}

const BATCH = 500;

/**
 * Applies every retention policy as of `now`: anonymises insight text, deletes originals,
 * receipts and notifications past their time, skipping whatever a legal hold covers.
 * Idempotent: a second run at the same instant finds nothing left to do.
 */
export async function applyRetention(
  sql: Sql,
  options: { now: Date; onProgress?: (message: string) => void },
): Promise<RetentionReport> {
  const started = new Date();
  const policies = await listRetentionPolicies(sql);
  const items: RetentionReportItem[] = [];
  for (const policy of policies) {
    const cutoff = retentionCutoff(policy, options.now);
    const item: RetentionReportItem = {
      data: policy.data,
      source: policy.source,
      keepDays: policy.keepDays,
      afterwards: policy.afterwards,
      affected: 0,
      held: 0,
    };
    if (policy.data === 'insight_text') {
      const sources = sourcesCoveredBy(policy, policies);
      const [held] = await sql`
        select count(*)::int as n from insights i
        where i.source_kind = any(${sources}) and i.created_at < ${cutoff}
          and not exists (select 1 from insight_anonymisations a where a.insight_id = i.id)
          and ${HELD_INSIGHT(sql)}`;
      item.held = held!.n as number;
      for (;;) {
        const due = await sql`
          select i.id from insights i
          where i.source_kind = any(${sources}) and i.created_at < ${cutoff}
            and not exists (select 1 from insight_anonymisations a where a.insight_id = i.id)
            and not ${HELD_INSIGHT(sql)}
          order by i.created_at limit ${BATCH}`;
        if (due.length === 0) break;
        const counts = await sql.begin((tx) =>
          anonymiseInsights(
            tx as unknown as Db,
            due.map((r) => r.id as string),
            { reason: 'retention', at: options.now },
          ),
        );
        item.affected += counts.insights;
        options.onProgress?.(`insight text (${policy.source ?? 'any source'}): ${item.affected} anonymised`);
      }
    } else if (policy.data === 'pii_originals') {
      const [held] = await sql`
        select count(*)::int as n from pii_originals o join pii_findings f on f.id = o.finding_id
        join insights i on i.id = f.insight_id
        where o.kept_at < ${cutoff} and ${HELD_INSIGHT(sql)}`;
      item.held = held!.n as number;
      const gone = await sql`
        delete from pii_originals o using pii_findings f, insights i
        where f.id = o.finding_id and i.id = f.insight_id and o.kept_at < ${cutoff} and not ${HELD_INSIGHT(sql)}
        returning o.finding_id`;
      item.affected = gone.length;
    } else if (policy.data === 'chat_receipts') {
      item.affected = (
        await sql`delete from chat_receipts where received_at < ${cutoff} returning key`
      ).length;
    } else if (policy.data === 'notifications') {
      item.affected = (await sql`delete from notifications where created_at < ${cutoff} returning id`).length;
    }
    items.push(item);
  }
  const report: RetentionReport = {
    asOf: options.now.toISOString(),
    items,
    total: items.reduce((sum, i) => sum + i.affected, 0),
  };
  await sql.begin(async (tx) => {
    await tx`
      insert into retention_runs (as_of, started_at, finished_at, report)
      values (${options.now}, ${started}, ${new Date()}, ${tx.json(report as never)})`;
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      values (null, 'retention.applied', 'organisation', 'retention', ${tx.json({ total: report.total, items } as never)}, ${options.now})`;
  });
  return report;
}

export async function listRetentionRuns(
  db: Db,
  limit = 10,
): Promise<(RetentionReport & { finishedAt: Date })[]> {
  const rows = await db`select report, finished_at from retention_runs order by id desc limit ${limit}`;
  return rows.map((r) => ({ ...(r.report as RetentionReport), finishedAt: asDate(r.finished_at) }));
}
