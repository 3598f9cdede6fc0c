import { asDate, type Db, isUuid } from '../repositories/db';
import { atomically, insightsOf, refreshCustomerValue } from './sql-helpers';

/** An identifier with where it came from, for the customer page. */
export interface IdentifierProvenance {
  system: string;
  value: string;
  /** `import:hubspot`, `slack`, `web`, `api`, `review`, or `earlier` for ones recorded before provenance was kept. */
  source: string;
  sourceDetail: string | null;
  addedByName: string | null;
  addedAt: Date;
}

export interface MergeEntry {
  id: string;
  /** The customer merged in (or, on the merged side, the survivor). */
  otherId: string;
  otherName: string;
  role: 'survivor' | 'merged';
  source: string;
  byName: string | null;
  at: Date;
  undoneAt: Date | null;
}

/** Identifiers with provenance and the merges that shaped this customer, newest first. */
export async function loadCustomerIdentity(
  db: Db,
  customerId: string,
): Promise<{ identifiers: IdentifierProvenance[]; merges: MergeEntry[] } | null> {
  if (!isUuid(customerId)) return null;
  const [identifiers, merges] = await Promise.all([
    db`
      select ci.system, ci.value, ci.source, ci.source_detail, ci.added_at, p.name as added_by_name
      from customer_identifiers ci left join people p on p.id = ci.added_by
      where ci.customer_id = ${customerId} order by ci.system, ci.value`,
    db`
      select m.id, m.survivor_id, m.merged_id, m.merged_row ->> 'name' as merged_name, s.name as survivor_name,
             m.source, m.merged_at, m.undone_at, p.name as by_name
      from customer_merges m left join customers s on s.id = m.survivor_id left join people p on p.id = m.merged_by
      where m.survivor_id = ${customerId} or m.merged_id = ${customerId}
      order by m.merged_at desc limit 50`,
  ]);
  return {
    identifiers: identifiers.map((r) => ({
      system: r.system as string,
      value: r.value as string,
      source: r.source as string,
      sourceDetail: (r.source_detail as string | null) ?? null,
      addedByName: (r.added_by_name as string | null) ?? null,
      addedAt: asDate(r.added_at),
    })),
    merges: merges.map((r) => {
      const survivor = r.survivor_id === customerId;
      return {
        id: r.id as string,
        otherId: (survivor ? r.merged_id : r.survivor_id) as string,
        otherName:
          ((survivor ? r.merged_name : r.survivor_name) as string | null) ?? 'a customer since merged away',
        role: survivor ? 'survivor' : 'merged',
        source: r.source as string,
        byName: (r.by_name as string | null) ?? null,
        at: asDate(r.merged_at),
        undoneAt: r.undone_at ? asDate(r.undone_at) : null,
      };
    }),
  };
}

/** Sets a customer's segment and yearly value, and what the insights about them are worth. */
export async function updateCustomerValue(
  db: Db,
  customerId: string,
  change: { segment: string | null; value: number | null },
): Promise<boolean> {
  if (!isUuid(customerId)) return false;
  return atomically(db, async (tx) => {
    const rows = await tx`
      update customers set segment = ${change.segment}, value = ${change.value} where id = ${customerId} returning id`;
    if (rows.length === 0) return false;
    await refreshCustomerValue(tx, await insightsOf(tx, [customerId]));
    return true;
  });
}
