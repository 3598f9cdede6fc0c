import type { SearchDocument } from '@heard/domain';
import { stripSentinels } from '../text/snippet';
import type { Sql } from './fragments';

/** Documents per statement: one JSON parameter of at most a few megabytes. */
export const UPSERT_BATCH = 250;

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const lines = (parts: (string | null | undefined)[]): string =>
  stripSentinels(parts.filter((p): p is string => !!p && p.trim() !== '').join('\n'));

/** The row written for a document; the tsvector itself is a generated column. */
function toRow(doc: SearchDocument) {
  const v = doc.visibility;
  return {
    insight_id: doc.id,
    title: stripSentinels(doc.title),
    keywords: lines([...doc.customerNames, ...doc.tags, doc.story?.headline]),
    content: lines([doc.body, doc.story?.summary, doc.story?.pullQuote]),
    kind: doc.kind,
    sentiment: doc.sentiment,
    source: doc.source,
    triage: doc.triage,
    tags: unique(doc.tags),
    goal_ids: unique(doc.goalIds),
    team_id: doc.teamId,
    customer_ids: unique(doc.customerIds),
    segments: unique(doc.segments),
    has_story: doc.story !== null,
    reporter_id: doc.reporterId,
    visibility_scope: v.scope,
    visibility_team_id: v.scope === 'team' ? v.teamId : null,
    visibility_person_ids: v.scope === 'people' ? unique(v.personIds) : [],
    evidence_count: doc.evidenceCount,
    reaction_count: doc.reactionCount,
    customer_value: doc.customerValue,
    created_at: doc.createdAt.toISOString(),
  };
}

/**
 * Inserts or replaces documents, a batch per statement, and records their words in
 * search_words in the same statement. Words are only ever added: a word left behind by an
 * edited or removed document costs a row and, at worst, a typo correction that matches nothing.
 */
export async function upsertDocuments(sql: Sql, documents: SearchDocument[]): Promise<void> {
  // The last version of an id wins; one statement may not update the same row twice.
  const latest = [...new Map(documents.map((d) => [d.id, d])).values()];
  for (let i = 0; i < latest.length; i += UPSERT_BATCH) {
    const rows = latest.slice(i, i + UPSERT_BATCH).map(toRow);
    await sql`
      with input as (
        select * from json_to_recordset(${sql.json(rows)}::json) as r(
          insight_id uuid, title text, keywords text, content text, kind text, sentiment text,
          source text, triage text, tags text[], goal_ids uuid[], team_id uuid, customer_ids uuid[],
          segments text[], has_story boolean, reporter_id uuid, visibility_scope text,
          visibility_team_id uuid, visibility_person_ids uuid[], evidence_count integer,
          reaction_count integer, customer_value numeric, created_at timestamptz)
      ), written as (
        insert into search_documents (insight_id, title, keywords, content, kind, sentiment, source,
          triage, tags, goal_ids, team_id, customer_ids, segments, has_story, reporter_id,
          visibility_scope, visibility_team_id, visibility_person_ids, evidence_count,
          reaction_count, customer_value, created_at)
        select insight_id, title, keywords, content, kind, sentiment, source, triage, tags, goal_ids,
          team_id, customer_ids, segments, has_story, reporter_id, visibility_scope, visibility_team_id,
          visibility_person_ids, evidence_count, reaction_count, customer_value, created_at
        from input
        on conflict (insight_id) do update set
          title = excluded.title, keywords = excluded.keywords, content = excluded.content,
          kind = excluded.kind, sentiment = excluded.sentiment, source = excluded.source,
          triage = excluded.triage, tags = excluded.tags, goal_ids = excluded.goal_ids,
          team_id = excluded.team_id, customer_ids = excluded.customer_ids, segments = excluded.segments,
          has_story = excluded.has_story, reporter_id = excluded.reporter_id,
          visibility_scope = excluded.visibility_scope, visibility_team_id = excluded.visibility_team_id,
          visibility_person_ids = excluded.visibility_person_ids, evidence_count = excluded.evidence_count,
          reaction_count = excluded.reaction_count, customer_value = excluded.customer_value,
          created_at = excluded.created_at
        -- A reindex mostly rewrites documents as they already are: leave those rows alone, sparing
        -- a new row version and its entries in every index.
        where (search_documents.title, search_documents.keywords, search_documents.content,
               search_documents.kind, search_documents.sentiment, search_documents.source,
               search_documents.triage, search_documents.tags, search_documents.goal_ids,
               search_documents.team_id, search_documents.customer_ids, search_documents.segments,
               search_documents.has_story, search_documents.reporter_id,
               search_documents.visibility_scope, search_documents.visibility_team_id,
               search_documents.visibility_person_ids, search_documents.evidence_count,
               search_documents.reaction_count, search_documents.customer_value,
               search_documents.created_at)
          is distinct from
              (excluded.title, excluded.keywords, excluded.content, excluded.kind, excluded.sentiment,
               excluded.source, excluded.triage, excluded.tags, excluded.goal_ids, excluded.team_id,
               excluded.customer_ids, excluded.segments, excluded.has_story, excluded.reporter_id,
               excluded.visibility_scope, excluded.visibility_team_id, excluded.visibility_person_ids,
               excluded.evidence_count, excluded.reaction_count, excluded.customer_value,
               excluded.created_at)
        returning 1
      ), words as (
        -- Lowercased, unaccented, unstemmed words of 3 to 40 letters (no numbers, e-mail addresses,
        -- URLs or hyphenated compounds, whose parts come separately); sorted so that concurrent
        -- batches take the same locks in the same order.
        insert into search_words (word)
        select distinct w.word from input i
        cross join lateral unnest(tsvector_to_array(to_tsvector('simple',
          unaccent(i.title || ' ' || i.keywords || ' ' || i.content)))) as w(word)
        where length(w.word) between 3 and 40 and w.word !~ '[[:digit:][:punct:][:space:]]'
        order by 1
        on conflict do nothing
        returning 1
      )
      select (select count(*) from written) as written, (select count(*) from words) as words`;
  }
}
