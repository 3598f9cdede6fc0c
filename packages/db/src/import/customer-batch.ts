import { randomUUID } from 'node:crypto';
import {
  type CustomerIdentifier,
  decideMatch,
  type MatchableCustomer,
  type NormalisedReference,
  type SimilarCustomer,
} from '@heard/domain';
import { MATCHABLE_COLUMNS, matchableToDomain, SIMILARITY_FLOOR } from '../customers/identity-store';
import { mergeInto } from '../customers/merge.sql';
import { insightsOf, refreshCustomerValue } from '../customers/sql-helpers';
import type { Db } from '../repositories/db';

/** One reference read from one line of a file. */
export interface LineReference {
  line: number;
  ref: NormalisedReference;
}

export type LineOutcome = 'created' | 'matched' | 'merged' | 'review';

/** What happened to each line's reference: its customer and how it was found. */
export interface BatchResult {
  customerIds: Map<number, string>;
  outcomes: Map<number, LineOutcome>;
}

interface Touched {
  customer: MatchableCustomer;
  isNew: boolean;
  /** For new customers, what they are created with. */
  ref: NormalisedReference | null;
  added: { identifier: CustomerIdentifier; line: number }[];
  segment: string | null;
  value: number | null;
}

const key = (i: CustomerIdentifier) => `${i.system}\u0000${i.value}`;
const CANDIDATES = 5;

/**
 * Matches a batch of references as `resolveCustomer` does one (same normal forms, same scores,
 * same thresholds), with one query for identifiers and one for names, then writes the batch in a
 * few statements. Must run inside the batch's transaction.
 */
export async function matchCustomerBatch(
  tx: Db,
  lines: LineReference[],
  origin: { source: string; actorId: string | null; fileName: string },
  at: Date,
): Promise<BatchResult> {
  const touched = new Map<string, Touched>();
  const byIdentifier = new Map<string, string>();
  const alias = new Map<string, string>();
  const live = (id: string): string => {
    let current = id;
    while (alias.has(current)) current = alias.get(current)!;
    return current;
  };
  const remember = (t: Touched) => {
    touched.set(t.customer.id, t);
    for (const i of t.customer.identifiers) byIdentifier.set(key(i), t.customer.id);
  };

  // Tables filling up during an import have stale statistics: keep the planner on the indexes.
  await tx`set local enable_seqscan = off`;
  const identifiers = uniqueIdentifiers(lines);
  if (identifiers.length > 0) {
    const rows = await tx.unsafe(
      `select ${MATCHABLE_COLUMNS} from customers c
       where c.id in (select customer_id from customer_identifiers
                      where (system, value) in (select * from unnest($1::text[], $2::text[])))`,
      [identifiers.map((i) => i.system), identifiers.map((i) => i.value)],
    );
    for (const row of rows) remember(existing(matchableToDomain(row)));
  }
  const needNames = [
    ...new Set(
      lines.filter((l) => !l.ref.identifiers.some((i) => byIdentifier.has(key(i)))).map((l) => l.ref.nameKey),
    ),
  ].filter(Boolean);
  const similar = new Map<string, SimilarCustomer[]>();
  if (needNames.length > 0) {
    // Blocked by first word (see migration 1732300013100); similarity as pg_trgm computes it.
    const rows = await tx.unsafe(
      `select k.key, m.* from unnest($1::text[]) as k(key)
       cross join lateral (
         select ${MATCHABLE_COLUMNS}, similarity(c.name_key, k.key) as similarity
         from customers c
         where split_part(c.name_key, ' ', 1) = split_part(k.key, ' ', 1)
           and similarity(c.name_key, k.key) >= $2
         order by similarity(c.name_key, k.key) desc, c.id limit ${CANDIDATES}) m`,
      [needNames, SIMILARITY_FLOOR],
    );
    for (const row of rows) {
      const list = similar.get(row.key as string) ?? [];
      list.push({ customer: matchableToDomain(row), similarity: Number(row.similarity) });
      similar.set(row.key as string, list);
    }
  }

  const newByName = new Map<string, string>();
  const reviews: {
    customerId: string;
    candidateId: string;
    score: number;
    reasons: string[];
    line: number;
  }[] = [];
  const merges: { survivorId: string; mergedId: string; line: number }[] = [];
  const result: BatchResult = { customerIds: new Map(), outcomes: new Map() };

  for (const { line, ref } of lines) {
    const hits = [
      ...new Set(
        ref.identifiers.flatMap((i) => (byIdentifier.has(key(i)) ? [live(byIdentifier.get(key(i))!)] : [])),
      ),
    ];
    if (hits.length > 0) {
      const decision = decideMatch(
        ref,
        hits.map((id) => touched.get(id)!.customer),
        [],
      );
      if (decision.kind !== 'exact') throw new Error('identifier hits always decide exactly');
      // Customers already stored survive over ones this batch is about to create.
      const ordered = [...decision.customerIds].sort(
        (a, b) => Number(touched.get(a)!.isNew) - Number(touched.get(b)!.isNew),
      );
      const survivorId = ordered[0]!;
      for (const otherId of ordered.slice(1)) fold(touched, alias, survivorId, otherId, merges, line);
      enrich(touched.get(survivorId)!, ref, line, byIdentifier);
      result.customerIds.set(line, survivorId);
      result.outcomes.set(line, ordered.length > 1 ? 'merged' : 'matched');
      continue;
    }
    const inBatch = ref.kind === 'account' ? newByName.get(ref.nameKey) : undefined;
    const candidates: SimilarCustomer[] = [
      ...(similar.get(ref.nameKey) ?? []).map((s) => ({
        ...s,
        customer: touched.get(live(s.customer.id))?.customer ?? s.customer,
      })),
      ...(inBatch ? [{ customer: touched.get(live(inBatch))!.customer, similarity: 1 }] : []),
    ];
    const decision = decideMatch(ref, [], candidates);
    if (decision.kind === 'auto') {
      const id = live(decision.candidate.customer.id);
      if (!touched.has(id)) remember(existing(decision.candidate.customer));
      enrich(touched.get(id)!, ref, line, byIdentifier);
      result.customerIds.set(line, id);
      result.outcomes.set(line, 'matched');
      continue;
    }
    const created: Touched = {
      customer: { id: randomUUID(), name: ref.name, kind: ref.kind, identifiers: [] },
      isNew: true,
      ref,
      added: [],
      segment: ref.segment,
      value: ref.value,
    };
    remember(created);
    enrich(created, ref, line, byIdentifier);
    if (ref.kind === 'account' && !newByName.has(ref.nameKey))
      newByName.set(ref.nameKey, created.customer.id);
    result.customerIds.set(line, created.customer.id);
    if (decision.kind === 'review') {
      const { candidate } = decision;
      reviews.push({
        customerId: created.customer.id,
        candidateId: live(candidate.customer.id),
        score: candidate.score,
        reasons: candidate.reasons,
        line,
      });
      result.outcomes.set(line, 'review');
    } else {
      result.outcomes.set(line, 'created');
    }
  }
  for (const [line, id] of result.customerIds) result.customerIds.set(line, live(id));
  await writeBatch(tx, touched, reviews, merges, origin, at);
  return result;
}

function existing(customer: MatchableCustomer): Touched {
  return { customer, isNew: false, ref: null, added: [], segment: null, value: null };
}

function uniqueIdentifiers(lines: LineReference[]): CustomerIdentifier[] {
  const seen = new Map<string, CustomerIdentifier>();
  for (const { ref } of lines) for (const i of ref.identifiers) seen.set(key(i), i);
  return [...seen.values()];
}

function enrich(t: Touched, ref: NormalisedReference, line: number, byIdentifier: Map<string, string>): void {
  for (const identifier of ref.identifiers) {
    if (byIdentifier.has(key(identifier))) continue;
    t.customer.identifiers.push(identifier);
    t.added.push({ identifier, line });
    byIdentifier.set(key(identifier), t.customer.id);
  }
  if (ref.segment !== null) t.segment = ref.segment;
  if (ref.value !== null) t.value = ref.value;
}

/** Makes `otherId` part of `survivorId`: a stored customer by a recorded merge, a new one in memory. */
function fold(
  touched: Map<string, Touched>,
  alias: Map<string, string>,
  survivorId: string,
  otherId: string,
  merges: { survivorId: string; mergedId: string; line: number }[],
  line: number,
): void {
  const survivor = touched.get(survivorId)!;
  const other = touched.get(otherId)!;
  alias.set(otherId, survivorId);
  touched.delete(otherId);
  if (other.isNew) {
    for (const a of other.added) {
      survivor.customer.identifiers.push(a.identifier);
      survivor.added.push(a);
    }
    survivor.segment ??= other.segment;
    survivor.value ??= other.value;
  } else {
    survivor.customer.identifiers.push(...other.customer.identifiers);
    survivor.added.push(...other.added);
    merges.push({ survivorId, mergedId: otherId, line });
  }
}

async function writeBatch(
  tx: Db,
  touched: Map<string, Touched>,
  reviews: { customerId: string; candidateId: string; score: number; reasons: string[]; line: number }[],
  merges: { survivorId: string; mergedId: string; line: number }[],
  origin: { source: string; actorId: string | null; fileName: string },
  at: Date,
): Promise<void> {
  const source = `import:${origin.source}`;
  for (const m of merges) {
    await mergeInto(
      tx,
      m.survivorId,
      m.mergedId,
      { source, actorId: origin.actorId, detail: `${origin.fileName} line ${m.line}` },
      at,
    );
  }
  const created = [...touched.values()].filter((t) => t.isNew);
  if (created.length > 0) {
    await tx`
      insert into customers (id, name, kind, name_key, segment, value, created_at)
      select * from unnest(${created.map((t) => t.customer.id)}::uuid[], ${created.map((t) => t.ref!.name)}::text[],
                           ${created.map((t) => t.ref!.kind)}::text[], ${created.map((t) => t.ref!.nameKey)}::text[],
                           ${created.map((t) => t.segment) as string[]}::text[], ${created.map((t) => t.value) as unknown as string[]}::numeric[],
                           array_fill(${at}::timestamptz, array[${created.length}::int]))`;
  }
  const added = [...touched.values()].flatMap((t) => t.added.map((a) => ({ id: t.customer.id, ...a })));
  if (added.length > 0) {
    await tx`
      insert into customer_identifiers (customer_id, system, value, source, source_detail, added_by, added_at)
      select id, s, v, ${source}, ${`${origin.fileName} line `} || l, ${origin.actorId}::uuid, ${at}
      from unnest(${added.map((a) => a.id)}::uuid[], ${added.map((a) => a.identifier.system)}::text[],
                  ${added.map((a) => a.identifier.value)}::text[], ${added.map((a) => a.line)}::int[]) as t(id, s, v, l)
      on conflict (system, value) do nothing`;
  }
  const updated = [...touched.values()].filter((t) => !t.isNew && (t.segment !== null || t.value !== null));
  if (updated.length > 0) {
    const changed = await tx`
      update customers c set segment = coalesce(u.segment, c.segment), value = coalesce(u.value, c.value)
      from unnest(${updated.map((t) => t.customer.id)}::uuid[], ${updated.map((t) => t.segment) as string[]}::text[],
                  ${updated.map((t) => t.value) as unknown as string[]}::numeric[]) as u(id, segment, value)
      where c.id = u.id and (c.segment is distinct from coalesce(u.segment, c.segment)
                             or c.value is distinct from coalesce(u.value, c.value))
      returning c.id`;
    await refreshCustomerValue(
      tx,
      await insightsOf(
        tx,
        changed.map((r) => r.id as string),
      ),
    );
  }
  if (reviews.length > 0) {
    await tx`
      insert into customer_reviews (customer_id, candidate_id, score, reasons, source, source_detail, created_at)
      select c, k, s, r::jsonb, ${source}, ${`${origin.fileName} line `} || l, ${at}
      from unnest(${reviews.map((r) => r.customerId)}::uuid[], ${reviews.map((r) => r.candidateId)}::uuid[],
                  ${reviews.map((r) => r.score)}::real[], ${reviews.map((r) => JSON.stringify(r.reasons))}::text[],
                  ${reviews.map((r) => r.line)}::int[]) as t(c, k, s, r, l)
      on conflict (customer_id, candidate_id) do nothing`;
  }
}
