import type { CustomerMerge, CustomerOrigin } from '@heard/domain';
import { asDate, type Db, type Row } from '../repositories/db';
import { insightsOf, refreshCustomerValue } from './sql-helpers';

/** What a merge moved, stored as JSON on the merge record. */
interface Moved {
  identifiers: { system: string; value: string }[];
  /** Insight links moved from the merged customer to the survivor. */
  links: string[];
  /** Insight links dropped because the survivor already had them. */
  droppedLinks: string[];
  evidence: string[];
}

export function mergeToDomain(row: Row): CustomerMerge {
  const moved = row.moved as Moved;
  return {
    id: row.id as string,
    survivorId: row.survivor_id as string,
    mergedId: row.merged_id as string,
    mergedName: (row.merged_row as { name: string }).name,
    at: asDate(row.merged_at),
    undoneAt: row.undone_at ? asDate(row.undone_at) : null,
    insightIds: [...new Set([...moved.links, ...moved.droppedLinks])],
  };
}

/** Moves identifiers, insight links and evidence (stories follow their insights) to the survivor. */
export async function mergeInto(
  db: Db,
  survivorId: string,
  mergedId: string,
  origin: CustomerOrigin,
  at: Date,
): Promise<CustomerMerge | null> {
  const rows = await db`
    select * from customers where id = any(${[survivorId, mergedId]}::uuid[]) order by id for update`;
  const survivor = rows.find((r) => r.id === survivorId);
  const merged = rows.find((r) => r.id === mergedId);
  if (!survivor || !merged || survivorId === mergedId) return null;
  const identifiers = await db`
    update customer_identifiers set customer_id = ${survivorId}
    where customer_id = ${mergedId} returning system, value`;
  const dropped = await db`
    delete from insight_customers m where m.customer_id = ${mergedId}
      and exists (select 1 from insight_customers s where s.insight_id = m.insight_id and s.customer_id = ${survivorId})
    returning insight_id`;
  const links = await db`
    update insight_customers set customer_id = ${survivorId} where customer_id = ${mergedId} returning insight_id`;
  const evidence = await db`
    update evidence set customer_id = ${survivorId} where customer_id = ${mergedId} returning id`;
  const moved: Moved = {
    identifiers: identifiers.map((r) => ({ system: r.system as string, value: r.value as string })),
    links: links.map((r) => r.insight_id as string),
    droppedLinks: dropped.map((r) => r.insight_id as string),
    evidence: evidence.map((r) => r.id as string),
  };
  // The survivor keeps its own segment and value; it takes the merged one's only where it had none.
  const before = { segment: survivor.segment ?? null, value: survivor.value ?? null };
  await db`
    update customers set segment = coalesce(segment, ${merged.segment ?? null}),
                         value = coalesce(value, ${merged.value ?? null})
    where id = ${survivorId}`;
  const [mergedRow] = await db`select to_jsonb(c) as row from customers c where id = ${mergedId}`;
  await db`delete from customers where id = ${mergedId}`;
  const [record] = await db`
    insert into customer_merges (survivor_id, merged_id, merged_row, moved, survivor_before, source, source_detail, merged_by, merged_at)
    values (${survivorId}, ${mergedId}, ${mergedRow!.row as never}, ${moved as never}, ${before as never},
            ${origin.source}, ${origin.detail ?? null}, ${origin.actorId}, ${at})
    returning *`;
  // The survivor may have taken the merged customer's value: every insight about it is worth that now.
  await refreshCustomerValue(db, await insightsOf(db, [survivorId]));
  return mergeToDomain(record!);
}

/** Puts back exactly what a merge moved, leaving what was added to the survivor since. */
export async function undoMerge(
  db: Db,
  mergeId: string,
  actorId: string,
  at: Date,
): Promise<{ ok: true; merge: CustomerMerge } | { ok: false; reason: string }> {
  const [record] = await db`select * from customer_merges where id = ${mergeId} for update`;
  if (!record) return { ok: false, reason: 'No merge has that id.' };
  if (record.undone_at) return { ok: false, reason: 'That merge was already undone.' };
  const survivorId = record.survivor_id as string;
  const mergedId = record.merged_id as string;
  const [survivor] = await db`select id, segment, value from customers where id = ${survivorId} for update`;
  if (!survivor) {
    const [later] = await db`
      select m.survivor_id, c.name from customer_merges m left join customers c on c.id = m.survivor_id
      where m.merged_id = ${survivorId} and m.undone_at is null order by m.merged_at desc limit 1`;
    return {
      ok: false,
      reason: later
        ? `The surviving customer was merged into ${later.name ?? 'another customer'} since: undo that merge first.`
        : 'The surviving customer no longer exists.',
    };
  }
  const [clash] = await db`select 1 from customers where id = ${mergedId}`;
  if (clash) return { ok: false, reason: 'The merged customer exists again already.' };
  const moved = record.moved as Moved;
  await db`insert into customers select * from jsonb_populate_record(null::customers, ${record.merged_row as never})`;
  for (const id of moved.identifiers) {
    await db`
      update customer_identifiers set customer_id = ${mergedId}
      where system = ${id.system} and value = ${id.value} and customer_id = ${survivorId}`;
  }
  await db`
    update insight_customers set customer_id = ${mergedId}
    where customer_id = ${survivorId} and insight_id = any(${moved.links}::uuid[])`;
  await db`
    insert into insight_customers (insight_id, customer_id)
    select i, ${mergedId}::uuid from unnest(${moved.droppedLinks}::uuid[]) i
    where exists (select 1 from insights where id = i)
    on conflict do nothing`;
  await db`
    update evidence set customer_id = ${mergedId}
    where customer_id = ${survivorId} and id = any(${moved.evidence}::uuid[])`;
  // Segment and value go back only if nobody changed them after the merge.
  const before = record.survivor_before as { segment: string | null; value: string | number | null };
  const mergedRow = record.merged_row as { segment: string | null; value: string | number | null };
  if (before.segment === null && survivor.segment !== null && survivor.segment === mergedRow.segment)
    await db`update customers set segment = null where id = ${survivorId}`;
  if (before.value === null && survivor.value !== null && Number(survivor.value) === Number(mergedRow.value))
    await db`update customers set value = null where id = ${survivorId}`;
  const [undone] = await db`
    update customer_merges set undone_at = ${at}, undone_by = ${actorId} where id = ${mergeId} returning *`;
  await refreshCustomerValue(db, await insightsOf(db, [survivorId, mergedId]));
  return { ok: true, merge: mergeToDomain(undone!) };
}
