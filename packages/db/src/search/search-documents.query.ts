import type { SearchDocument } from '@heard/domain';
import { asDate, type Db, onlyUuids, type Row } from '../repositories/db';
import { visibilityToDomain } from '../repositories/insight.mapper';

/**
 * Builds search documents straight from the tables, a batch at a time: the
 * index sync job loads a handful, a reindex walks every insight in id order.
 */
export async function loadSearchDocuments(
  db: Db,
  select: { ids: readonly string[] } | { after: string | null; limit: number },
): Promise<SearchDocument[]> {
  const where =
    'ids' in select
      ? db`i.id = any(${onlyUuids(select.ids)}::uuid[])`
      : select.after
        ? db`i.id > ${select.after}::uuid`
        : db`true`;
  const limit = 'ids' in select ? select.ids.length : select.limit;
  const rows = await db`
    select i.id, i.title, i.body, i.tags, i.kind, i.sentiment, i.source_kind, i.reporter_id, r.team_id, i.triage,
           i.visibility_scope, i.visibility_team_id, i.visibility_person_ids, i.evidence_count, i.reaction_count, i.created_at,
           coalesce((select array_agg(ig.goal_id) from insight_goals ig where ig.insight_id = i.id), '{}') as goal_ids,
           coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'segment', c.segment, 'value', c.value))
                     from insight_customers ic join customers c on c.id = ic.customer_id where ic.insight_id = i.id), '[]') as customers,
           (select json_build_object('headline', s.headline, 'summary', s.summary, 'pullQuote', s.pull_quote)
              from stories s where s.insight_id = i.id) as story
    from insights i join people r on r.id = i.reporter_id
    where ${where} and i.merged_into is null
    order by i.id
    limit ${limit}`;
  return rows.map(toSearchDocument);
}

function toSearchDocument(row: Row): SearchDocument {
  const customers = row.customers as {
    id: string;
    name: string;
    segment: string | null;
    value: number | null;
  }[];
  return {
    id: row.id as string,
    title: row.title as string,
    body: row.body as string,
    tags: row.tags as string[],
    customerNames: customers.map((c) => c.name),
    story: (row.story as SearchDocument['story']) ?? null,
    kind: row.kind as SearchDocument['kind'],
    sentiment: row.sentiment as SearchDocument['sentiment'],
    source: row.source_kind as SearchDocument['source'],
    reporterId: row.reporter_id as string,
    teamId: (row.team_id as string | null) ?? null,
    goalIds: row.goal_ids as string[],
    customerIds: customers.map((c) => c.id),
    segments: [...new Set(customers.map((c) => c.segment).filter((s): s is string => s !== null))],
    triage: row.triage as SearchDocument['triage'],
    visibility: visibilityToDomain(row),
    evidenceCount: Number(row.evidence_count),
    reactionCount: Number(row.reaction_count),
    customerValue: customers.reduce((sum, c) => sum + Number(c.value ?? 0), 0),
    createdAt: asDate(row.created_at),
  };
}
