import type { Db } from '../repositories/db';

/**
 * The records that were merged into a customer and are part of it now (followed through merges of
 * merges), with the names they had: an erasure erases them too, since they are the same person or
 * account under another name.
 */
export async function absorbedRecords(db: Db, customerId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db`
    with recursive absorbed(id, name) as (
      select merged_id, merged_row ->> 'name' from customer_merges
      where survivor_id = ${customerId} and undone_at is null
      union
      select m.merged_id, m.merged_row ->> 'name' from customer_merges m
      join absorbed a on m.survivor_id = a.id and m.undone_at is null
    )
    select id, name from absorbed`;
  return rows.map((r) => ({ id: r.id as string, name: (r.name as string | null) ?? '' }));
}

/**
 * Erases a customer from the records matching keeps about them: every merge record that holds
 * their row (a merge since undone included) loses the name, the name key and the identifiers that
 * moved, and every review-queue pair they or their absorbed records are part of is deleted. The
 * merge records stay (without personal data) so the merges' history and counts still add up.
 */
export async function eraseMatchingRecords(
  tx: Db,
  ids: readonly string[],
  at: Date,
): Promise<{ merges: number; reviews: number }> {
  const merges = await tx`
    update customer_merges set
      merged_row = merged_row || jsonb_build_object('name', 'Erased customer', 'name_key', 'erased customer', 'erased_at', ${at}::timestamptz),
      moved = jsonb_set(moved, '{identifiers}', '[]'::jsonb)
    where merged_id = any(${ids}::uuid[])
    returning id`;
  const reviews = await tx`
    delete from customer_reviews
    where customer_id = any(${ids}::uuid[]) or candidate_id = any(${ids}::uuid[])
    returning id`;
  return { merges: merges.length, reviews: reviews.length };
}
