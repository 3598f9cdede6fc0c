import type {
  CustomerIdentifier,
  CustomerIdentityStore,
  CustomerOrigin,
  CustomerReview,
  MatchableCustomer,
} from '@heard/domain';
import { type Db, isUuid, type Row } from '../repositories/db';
import { mergeInto, mergeToDomain, undoMerge } from './merge.sql';
import { phoneNormaliser } from './phone';
import { atomically, insightsOf, refreshCustomerValue } from './sql-helpers';

export function matchableToDomain(row: Row): MatchableCustomer {
  return {
    id: row.id as string,
    name: row.name as string,
    kind: row.kind as MatchableCustomer['kind'],
    identifiers: (row.identifiers as CustomerIdentifier[] | null) ?? [],
  };
}

/** Customers with their identifiers, as the matcher compares them. */
export const MATCHABLE_COLUMNS = `c.id, c.name, c.kind,
  coalesce((select json_agg(json_build_object('system', ci.system, 'value', ci.value))
            from customer_identifiers ci where ci.customer_id = c.id), '[]') as identifiers`;

/** How alike two name keys must be (pg_trgm) before they are scored at all. */
export const SIMILARITY_FLOOR = 0.4;

/** Writes a reference's identifiers for a customer; ones another customer holds stay theirs. */
export async function insertIdentifiers(
  db: Db,
  customerId: string,
  identifiers: readonly CustomerIdentifier[],
  origin: CustomerOrigin,
): Promise<void> {
  if (identifiers.length === 0) return;
  await db`
    insert into customer_identifiers (customer_id, system, value, source, source_detail, added_by)
    select ${customerId}::uuid, s, v, ${origin.source}, ${origin.detail ?? null}, ${origin.actorId}::uuid
    from unnest(${identifiers.map((i) => i.system)}::text[], ${identifiers.map((i) => i.value)}::text[]) as t(s, v)
    on conflict (system, value) do nothing`;
}

/** The customer identity store on PostgreSQL: matching lookups, review pairs and undoable merges. */
export function createCustomerIdentityStore(
  db: Db,
  options: { phoneRegion?: string } = {},
): CustomerIdentityStore {
  return {
    normalisePhone: phoneNormaliser(options.phoneRegion),
    async findByIdentifiers(identifiers) {
      if (identifiers.length === 0) return [];
      const rows = await db.unsafe(
        `select ${MATCHABLE_COLUMNS} from customers c
         where c.id in (select customer_id from customer_identifiers
                        where (system, value) in (select * from unnest($1::text[], $2::text[])))`,
        [identifiers.map((i) => i.system), identifiers.map((i) => i.value)],
      );
      return rows.map(matchableToDomain);
    },
    async findSimilar(nameKey, limit) {
      if (!nameKey) return [];
      const rows = await db.unsafe(
        `select ${MATCHABLE_COLUMNS}, similarity(c.name_key, $1) as similarity
         from customers c where c.name_key % $1 and similarity(c.name_key, $1) >= $3
         order by similarity desc, c.id limit $2`,
        [nameKey, limit, SIMILARITY_FLOOR],
      );
      return rows.map((r) => ({ customer: matchableToDomain(r), similarity: Number(r.similarity) }));
    },
    async create(ref, origin) {
      const [row] = await db`
        insert into customers (name, kind, name_key, segment, value)
        values (${ref.name}, ${ref.kind}, ${ref.nameKey}, ${ref.segment}, ${ref.value})
        returning id`;
      const id = row!.id as string;
      await insertIdentifiers(db, id, ref.identifiers, origin);
      return id;
    },
    async enrich(customerId, ref, origin) {
      await insertIdentifiers(db, customerId, ref.identifiers, origin);
      if (ref.segment !== null || ref.value !== null) {
        const changed = await db`
          update customers set segment = coalesce(${ref.segment}, segment), value = coalesce(${ref.value}, value)
          where id = ${customerId} and (segment is distinct from coalesce(${ref.segment}, segment)
                                        or value is distinct from coalesce(${ref.value}::numeric, value))
          returning id`;
        if (changed.length > 0) await refreshCustomerValue(db, await insightsOf(db, [customerId]));
      }
    },
    async queueReview(pair, origin) {
      await db`
        insert into customer_reviews (customer_id, candidate_id, score, reasons, source, source_detail)
        values (${pair.customerId}, ${pair.candidateId}, ${pair.score}, ${pair.reasons as never},
                ${origin.source}, ${origin.detail ?? null})
        on conflict (customer_id, candidate_id) do nothing`;
    },
    async findReview(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`select * from customer_reviews where id = ${id}`;
      return row ? reviewToDomain(row) : null;
    },
    async closeReview(id, status, actorId, at) {
      await db`
        update customer_reviews set status = ${status}, decided_by = ${actorId}, decided_at = ${at} where id = ${id}`;
    },
    merge: (survivorId, mergedId, origin, at) =>
      isUuid(survivorId) && isUuid(mergedId)
        ? atomically(db, (tx) => mergeInto(tx, survivorId, mergedId, origin, at))
        : Promise.resolve(null),
    async findMerge(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`select * from customer_merges where id = ${id}`;
      return row ? mergeToDomain(row) : null;
    },
    unmerge: (mergeId, actorId, at) =>
      isUuid(mergeId)
        ? atomically(db, (tx) => undoMerge(tx, mergeId, actorId, at))
        : Promise.resolve({ ok: false as const, reason: 'No merge has that id.' }),
  };
}

function reviewToDomain(row: Row): CustomerReview {
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    candidateId: row.candidate_id as string,
    score: Number(row.score),
    reasons: row.reasons as string[],
    status: row.status as CustomerReview['status'],
  };
}
