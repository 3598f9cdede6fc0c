import { asDate, asNumberOrNull, type Db } from '../repositories/db';

/** One side of a pair in the review queue, as a curator compares them. */
export interface ReviewSide {
  id: string;
  name: string;
  kind: 'person' | 'account';
  segment: string | null;
  value: number | null;
  identifiers: { system: string; value: string; source: string; sourceDetail: string | null }[];
  insightCount: number;
  createdAt: Date;
}

export interface ReviewPair {
  id: string;
  score: number;
  reasons: string[];
  source: string;
  sourceDetail: string | null;
  createdAt: Date;
  /** The newcomer the matcher was unsure about. */
  customer: ReviewSide;
  /** The customer already known that it may be. */
  candidate: ReviewSide;
}

const side = (prefix: 'a' | 'b') => `json_build_object(
    'id', ${prefix}.id, 'name', ${prefix}.name, 'kind', ${prefix}.kind, 'segment', ${prefix}.segment, 'value', ${prefix}.value,
    'createdAt', ${prefix}.created_at,
    'insightCount', (select count(*) from insight_customers ic where ic.customer_id = ${prefix}.id),
    'identifiers', coalesce((select json_agg(json_build_object('system', ci.system, 'value', ci.value, 'source', ci.source,
                                                              'sourceDetail', ci.source_detail) order by ci.system, ci.value)
                             from customer_identifiers ci where ci.customer_id = ${prefix}.id), '[]'))`;

function toSide(raw: Record<string, unknown>): ReviewSide {
  return {
    id: raw.id as string,
    name: raw.name as string,
    kind: raw.kind as ReviewSide['kind'],
    segment: (raw.segment as string | null) ?? null,
    value: asNumberOrNull(raw.value),
    identifiers: raw.identifiers as ReviewSide['identifiers'],
    insightCount: Number(raw.insightCount),
    createdAt: asDate(raw.createdAt),
  };
}

/** Pending pairs whose two customers both still exist, surest first. */
export async function listReviewPairs(db: Db, limit = 50): Promise<{ pairs: ReviewPair[]; total: number }> {
  const rows = await db.unsafe(
    `select r.*, ${side('a')} as customer, ${side('b')} as candidate, count(*) over () as total
     from customer_reviews r join customers a on a.id = r.customer_id join customers b on b.id = r.candidate_id
     where r.status = 'pending'
     order by r.score desc, r.created_at, r.id limit $1`,
    [limit],
  );
  return {
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    pairs: rows.map((r) => ({
      id: r.id as string,
      score: Number(r.score),
      reasons: r.reasons as string[],
      source: r.source as string,
      sourceDetail: (r.source_detail as string | null) ?? null,
      createdAt: asDate(r.created_at),
      customer: toSide(r.customer as Record<string, unknown>),
      candidate: toSide(r.candidate as Record<string, unknown>),
    })),
  };
}

export async function countPendingReviews(db: Db): Promise<number> {
  const [row] = await db`
    select count(*)::int as n from customer_reviews r
    where r.status = 'pending' and exists (select 1 from customers where id = r.customer_id)
      and exists (select 1 from customers where id = r.candidate_id)`;
  return row?.n ?? 0;
}
