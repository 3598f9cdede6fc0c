import { randomUUID } from 'node:crypto';
import {
  checkInsightDraft,
  deriveTitle,
  type GuardedInsightText,
  type NormalisedReference,
  normaliseReference,
  normaliseTags,
  type Repositories,
} from '@heard/domain';
import type postgres from 'postgres';
import { phoneNormaliser } from '../customers/phone';
import { loadPiiPolicy } from '../governance/privacy-store';
import type { Db } from '../repositories/db';
import { DOMAIN_EVENT_TASK } from '../repositories/outbox';
import { matchCustomerBatch } from './customer-batch';
import { sourceSystem } from './import-customers';
import type { Rejection } from './import-run.store';
import { guardImportedText, hadFlagging, hadMasking, recordImportedFindings } from './insight-privacy';
import { type InsightRow, readInsightRow } from './insight-row';
import { type ImportOptions, type ImportSummary, runImport } from './run-import';

type Prepared = InsightRow & { ref: NormalisedReference | null };
type Guarded = { id: string; item: Prepared; guarded: GuardedInsightText; customerId: string | null };

/**
 * The domain's rules for a posted insight (text, title, tags, customers), asked without a query
 * per row: the batch's customers were just matched, and imported insights name no goals or audiences.
 */
function batchRepos(
  customerIds: Set<string>,
): Pick<Repositories, 'goals' | 'customers' | 'people' | 'teams'> {
  const none = async () => [];
  return {
    goals: { findByIds: none } as never,
    customers: {
      findByIds: async (ids: readonly string[]) =>
        ids.filter((id) => customerIds.has(id)).map((id) => ({ id })),
    } as never,
    people: { findByIds: none } as never,
    teams: { findById: async () => null } as never,
  };
}

/**
 * `pnpm heard import insights`: rows become insights from source "import", reported by the person
 * running the import, each checked by the same rules as `postInsight` (personal data included: the
 * intake policy masks, flags or refuses it, and what was found is kept as posting keeps it), their
 * customers matched as any customer reference is; one audit entry and one `insight.posted` event
 * per insight, as posting writes.
 */
export function importInsights(
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>,
  options: Omit<ImportOptions, 'kind' | 'actorId'> & {
    actorId: string;
    phoneRegion?: string;
    at?: () => Date;
  },
): Promise<ImportSummary> {
  const system = sourceSystem(options.source);
  const phone = phoneNormaliser(options.phoneRegion);
  const fileName = options.fileName ?? options.filePath.split('/').pop()!;
  return runImport<Prepared>(
    sql,
    { ...options, source: system, kind: 'insights' },
    {
      prepare(row) {
        const read = readInsightRow(row, system);
        if (typeof read === 'string') return read;
        const ref = read.customer ? normaliseReference(read.customer, phone) : null;
        return { ...read, ref };
      },
      async process(tx, items) {
        const now = options.at?.() ?? new Date();
        const rejections: Rejection[] = [];
        const counts: Record<string, number> = { created: 0, matched: 0 };
        const known = await tx`
        select source_external_id from insights
        where source_kind = 'import' and source_external_id = any(${items.map((i) => i.item.externalId)}::text[])`;
        const already = new Set(known.map((r) => r.source_external_id as string));
        const fresh = items.filter((i) => !already.has(i.item.externalId));
        counts.matched = items.length - fresh.length;
        const withCustomer = fresh.filter((i) => i.item.ref).map((i) => ({ line: i.line, ref: i.item.ref! }));
        const matched = await matchCustomerBatch(
          tx,
          withCustomer,
          { source: system, actorId: options.actorId, fileName },
          now,
        );
        for (const outcome of matched.outcomes.values())
          counts[`customers ${outcome}`] = (counts[`customers ${outcome}`] ?? 0) + 1;
        const repos = batchRepos(new Set(matched.customerIds.values()));
        const policy = await loadPiiPolicy(tx);
        const rows: (Guarded & { line: number })[] = [];
        const externalIds = new Set<string>();
        for (const { line, item } of fresh) {
          const customerId = matched.customerIds.get(line) ?? null;
          const issues = await checkInsightDraft(
            repos,
            {
              title: item.title,
              body: item.body,
              tags: item.tags,
              customerIds: customerId ? [customerId] : [],
            },
            { requireBody: true },
          );
          if (issues.issues.length > 0) {
            rejections.push({ line, reason: issues.issues.map((i) => i.message).join(' ') });
            continue;
          }
          if (externalIds.has(item.externalId)) {
            rejections.push({ line, reason: `repeats the id of an earlier row (${item.externalId})` });
            continue;
          }
          const guarded = await guardImportedText(policy, item);
          if ('rejected' in guarded) {
            rejections.push({ line, reason: guarded.rejected });
            continue;
          }
          externalIds.add(item.externalId);
          rows.push({ id: randomUUID(), line, item, guarded, customerId });
        }
        if (rows.length === 0) return { counts, rejections };
        const inserted = await insertInsights(tx, rows, options.actorId, now);
        counts.created = inserted.length;
        counts.matched += rows.length - inserted.length;
        const kept = new Set(inserted);
        const stored = rows.filter((r) => kept.has(r.id));
        await recordImportedFindings(tx, stored, options.actorId, now);
        counts['pii masked'] = stored.filter((r) => hadMasking(r.guarded)).length;
        counts['pii flagged'] = stored.filter((r) => hadFlagging(r.guarded)).length;
        return { counts, rejections };
      },
    },
  );
}

async function insertInsights(tx: Db, rows: Guarded[], reporterId: string, now: Date): Promise<string[]> {
  const body = rows.map((r) => r.guarded.body ?? r.item.body.trim());
  const inserted = await tx`
    insert into insights (id, title, body, kind, sentiment, source_kind, source_external_id, reporter_id, tags, created_at, updated_at)
    select id, title, body, kind, sentiment, 'import', ext, ${reporterId}::uuid, array(select jsonb_array_elements_text(tags::jsonb)), at, at
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r, i) => r.guarded.title || deriveTitle(body[i]!))}::text[],
                ${body}::text[], ${rows.map((r) => r.item.kind)}::text[], ${rows.map((r) => r.item.sentiment)}::text[],
                ${rows.map((r) => r.item.externalId)}::text[], ${rows.map((r) => JSON.stringify(normaliseTags(r.item.tags)))}::text[],
                ${rows.map((r) => (r.item.createdAt ?? now).toISOString())}::timestamptz[])
      as t(id, title, body, kind, sentiment, ext, tags, at)
    on conflict do nothing
    returning id`;
  const ids = inserted.map((r) => r.id as string);
  const kept = new Set(ids);
  const links = rows.filter((r) => kept.has(r.id) && r.customerId);
  if (links.length > 0) {
    await tx`
      insert into insight_customers (insight_id, customer_id)
      select * from unnest(${links.map((r) => r.id)}::uuid[], ${links.map((r) => r.customerId!)}::uuid[])`;
    await tx`
      update insights i set customer_value = coalesce(c.value, 0)
      from unnest(${links.map((r) => r.id)}::uuid[], ${links.map((r) => r.customerId!)}::uuid[]) as l(insight_id, customer_id)
      join customers c on c.id = l.customer_id
      where i.id = l.insight_id`;
  }
  if (ids.length > 0) {
    await tx`
      insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
      select ${reporterId}::uuid, 'insight.posted', 'insight', id::text, '{"source":"import"}'::jsonb, ${now}
      from unnest(${ids}::uuid[]) as id`;
    // One call for the batch: graphile-worker's add_jobs inserts them together (same outbox, same transaction).
    const specs = ids.map((insightId) => ({
      identifier: DOMAIN_EVENT_TASK,
      payload: { type: 'insight.posted', insightId },
      max_attempts: 25,
    }));
    await tx`
      select count(*) from graphile_worker.add_jobs(
        array(select json_populate_recordset(null::graphile_worker.job_spec, ${specs as never}::json)), false)`;
  }
  return ids;
}
