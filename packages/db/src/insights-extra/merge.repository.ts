import type { InsightMerge, MergeRepository } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';

/** What one merge moved; stored with it so undoing restores exactly the state before. */
interface Moved {
  evidenceIds: string[];
  commentIds: string[];
  duplicateReactions: { person_id: string; emoji: string; created_at: string }[];
  survivorReactionsAdded: { person_id: string; emoji: string }[];
  duplicateGoals: { goal_id: string; rationale: string | null; linked_by: string; linked_at: string }[];
  survivorGoalIdsAdded: string[];
  duplicateCustomerIds: string[];
  survivorCustomerIdsAdded: string[];
  duplicateCounts: { evidence: number; reactions: number };
}

const toDomain = (row: Row): InsightMerge => ({
  id: row.id as string,
  duplicateId: row.duplicate_id as string,
  survivorId: row.survivor_id as string,
  mergedBy: row.merged_by as string,
  mergedAt: asDate(row.merged_at),
  undoneBy: (row.undone_by as string | null) ?? null,
  undoneAt: row.undone_at ? asDate(row.undone_at) : null,
});

const COLUMNS = 'id, duplicate_id, survivor_id, merged_by, merged_at, undone_by, undone_at';

/** Merges of duplicate insights on PostgreSQL; run inside the caller's transaction. */
export function createMergeRepository(db: Db): MergeRepository {
  return {
    async merge({ duplicateId: d, survivorId: s, mergedBy, at }) {
      const moved = await snapshot(db, d, s);
      await db`update evidence set insight_id = ${s} where id = any(${moved.evidenceIds}::uuid[])`;
      await db`update insight_comments set insight_id = ${s} where id = any(${moved.commentIds}::uuid[])`;
      await db`insert into reactions (insight_id, person_id, emoji, created_at)
               select ${s}, r.person_id, r.emoji, r.created_at from reactions r
               where r.insight_id = ${d}
                 and not exists (select 1 from reactions x where x.insight_id = ${s}
                                 and x.person_id = r.person_id and x.emoji = r.emoji)`;
      await db`delete from reactions where insight_id = ${d}`;
      await db`insert into insight_goals (insight_id, goal_id, rationale, linked_by, linked_at)
               select ${s}, goal_id, rationale, linked_by, linked_at from insight_goals
               where insight_id = ${d} and goal_id = any(${moved.survivorGoalIdsAdded}::uuid[])`;
      await db`delete from insight_goals where insight_id = ${d}`;
      await db`insert into insight_customers (insight_id, customer_id)
               select ${s}, unnest(${moved.survivorCustomerIdsAdded}::uuid[])`;
      await db`delete from insight_customers where insight_id = ${d}`;
      await db`update insights set evidence_count = evidence_count + ${moved.evidenceIds.length},
                 reaction_count = reaction_count + ${moved.survivorReactionsAdded.length}, updated_at = ${at}
               where id = ${s}`;
      await db`update insights set evidence_count = 0, reaction_count = 0, merged_into = ${s}, updated_at = ${at}
               where id = ${d}`;
      await refreshCustomerValue(db, [d, s]);
      const [row] = await db`
        insert into insight_merges (duplicate_id, survivor_id, merged_by, merged_at, moved)
        values (${d}, ${s}, ${mergedBy}, ${at}, ${db.json(moved as never)})
        returning ${db.unsafe(COLUMNS)}`;
      return toDomain(row!);
    },
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`select ${db.unsafe(COLUMNS)} from insight_merges where id = ${id}`;
      return row ? toDomain(row) : null;
    },
    async findActiveByDuplicate(insightId) {
      if (!isUuid(insightId)) return null;
      const [row] = await db`select ${db.unsafe(COLUMNS)} from insight_merges
                             where duplicate_id = ${insightId} and undone_at is null`;
      return row ? toDomain(row) : null;
    },
    async listActiveBySurvivor(insightId) {
      if (!isUuid(insightId)) return [];
      const rows = await db`select ${db.unsafe(COLUMNS)} from insight_merges
                            where survivor_id = ${insightId} and undone_at is null
                            order by merged_at desc, id desc`;
      return rows.map(toDomain);
    },
    async undo(id, undoneBy, at) {
      const [row] =
        await db`select duplicate_id, survivor_id, moved from insight_merges where id = ${id} for update`;
      if (!row) throw new Error(`No merge ${id}`);
      const d = row.duplicate_id as string;
      const s = row.survivor_id as string;
      const moved = row.moved as Moved;
      await db`update evidence set insight_id = ${d} where id = any(${moved.evidenceIds}::uuid[])`;
      await db`update insight_comments set insight_id = ${d} where id = any(${moved.commentIds}::uuid[])`;
      for (const r of moved.survivorReactionsAdded) {
        await db`delete from reactions where insight_id = ${s} and person_id = ${r.person_id} and emoji = ${r.emoji}`;
      }
      for (const r of moved.duplicateReactions) {
        await db`insert into reactions (insight_id, person_id, emoji, created_at)
                 values (${d}, ${r.person_id}, ${r.emoji}, ${r.created_at}::timestamptz)`;
      }
      await db`delete from insight_goals where insight_id = ${s} and goal_id = any(${moved.survivorGoalIdsAdded}::uuid[])`;
      for (const g of moved.duplicateGoals) {
        await db`insert into insight_goals (insight_id, goal_id, rationale, linked_by, linked_at)
                 values (${d}, ${g.goal_id}, ${g.rationale}, ${g.linked_by}, ${g.linked_at}::timestamptz)`;
      }
      await db`delete from insight_customers
               where insight_id = ${s} and customer_id = any(${moved.survivorCustomerIdsAdded}::uuid[])`;
      await db`insert into insight_customers (insight_id, customer_id)
               select ${d}, unnest(${moved.duplicateCustomerIds}::uuid[])`;
      await db`update insights set evidence_count = evidence_count - ${moved.evidenceIds.length},
                 reaction_count = reaction_count - ${moved.survivorReactionsAdded.length}, updated_at = ${at}
               where id = ${s}`;
      await db`update insights set evidence_count = ${moved.duplicateCounts.evidence},
                 reaction_count = ${moved.duplicateCounts.reactions}, merged_into = null, updated_at = ${at}
               where id = ${d}`;
      await refreshCustomerValue(db, [d, s]);
      await db`update insight_merges set undone_by = ${undoneBy}, undone_at = ${at} where id = ${id}`;
    },
  };
}

async function snapshot(db: Db, d: string, s: string): Promise<Moved> {
  const ids = async (query: Promise<Row[]>) => (await query).map((r) => r.id as string);
  const [counts] = await db`select evidence_count, reaction_count from insights where id = ${d}`;
  return {
    evidenceIds: await ids(db`select id from evidence where insight_id = ${d} order by id`),
    commentIds: await ids(db`select id from insight_comments where insight_id = ${d} order by id`),
    duplicateReactions: (await db`
      select person_id, emoji, created_at::text as created_at from reactions where insight_id = ${d}
      order by person_id, emoji`) as never,
    survivorReactionsAdded: (await db`
      select person_id, emoji from reactions r where r.insight_id = ${d}
        and not exists (select 1 from reactions x where x.insight_id = ${s}
                        and x.person_id = r.person_id and x.emoji = r.emoji)
      order by person_id, emoji`) as never,
    duplicateGoals: (await db`
      select goal_id, rationale, linked_by, linked_at::text as linked_at from insight_goals
      where insight_id = ${d} order by goal_id`) as never,
    survivorGoalIdsAdded: (
      await db`select goal_id from insight_goals where insight_id = ${d}
               and goal_id not in (select goal_id from insight_goals where insight_id = ${s}) order by goal_id`
    ).map((r) => r.goal_id as string),
    duplicateCustomerIds: (
      await db`select customer_id from insight_customers where insight_id = ${d} order by customer_id`
    ).map((r) => r.customer_id as string),
    survivorCustomerIdsAdded: (
      await db`select customer_id from insight_customers where insight_id = ${d}
               and customer_id not in (select customer_id from insight_customers where insight_id = ${s})
               order by customer_id`
    ).map((r) => r.customer_id as string),
    duplicateCounts: {
      evidence: Number(counts?.evidence_count ?? 0),
      reactions: Number(counts?.reaction_count ?? 0),
    },
  };
}

/** What the customers behind each insight are worth, as the feed's ranking reads it. */
async function refreshCustomerValue(db: Db, insightIds: string[]): Promise<void> {
  await db`
    update insights i set customer_value = coalesce((
      select sum(coalesce(c.value, 0)) from insight_customers ic join customers c on c.id = ic.customer_id
      where ic.insight_id = i.id), 0)
    where i.id = any(${insightIds}::uuid[])`;
}
