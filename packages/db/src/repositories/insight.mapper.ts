import type { Insight, Story, Visibility } from '@heard/domain';
import { asDate, type Row } from './db';

/** Selects an insight with its customers, goal links and story, as `insightToDomain` expects. */
export const INSIGHT_SELECT = `
  select i.*,
    coalesce((select array_agg(ic.customer_id order by ic.customer_id) from insight_customers ic where ic.insight_id = i.id), '{}') as customer_ids,
    coalesce((select json_agg(json_build_object('goalId', ig.goal_id, 'rationale', ig.rationale, 'linkedBy', ig.linked_by, 'linkedAt', ig.linked_at) order by ig.linked_at)
              from insight_goals ig where ig.insight_id = i.id), '[]') as goal_links,
    (select row_to_json(s) from stories s where s.insight_id = i.id) as story
  from insights i`;

export function visibilityToDomain(row: Row): Visibility {
  switch (row.visibility_scope) {
    case 'team':
      return { scope: 'team', teamId: row.visibility_team_id as string };
    case 'people':
      return { scope: 'people', personIds: row.visibility_person_ids as string[] };
    default:
      return { scope: 'everyone' };
  }
}

export function visibilityToPersistence(v: Visibility) {
  return {
    visibility_scope: v.scope,
    visibility_team_id: v.scope === 'team' ? v.teamId : null,
    visibility_person_ids: v.scope === 'people' ? [...new Set(v.personIds)] : [],
  };
}

function storyToDomain(raw: Row | null): Story | null {
  if (!raw) return null;
  return {
    headline: raw.headline as string,
    summary: raw.summary as string,
    pullQuote: (raw.pull_quote as string | null) ?? null,
    heroMedia: (raw.hero_media as Story['heroMedia']) ?? null,
    status: raw.status as Story['status'],
    curatorId: raw.curator_id as string,
    publishedAt: raw.published_at ? asDate(raw.published_at) : null,
  };
}

export function insightToDomain(row: Row): Insight {
  const links = row.goal_links as {
    goalId: string;
    rationale: string | null;
    linkedBy: string;
    linkedAt: string;
  }[];
  return {
    id: row.id as string,
    title: row.title as string,
    body: row.body as string,
    kind: row.kind as Insight['kind'],
    sentiment: row.sentiment as Insight['sentiment'],
    source: {
      kind: row.source_kind as Insight['source']['kind'],
      url: (row.source_url as string | null) ?? null,
      externalId: (row.source_external_id as string | null) ?? null,
    },
    reporterId: row.reporter_id as string,
    customerIds: row.customer_ids as string[],
    tags: row.tags as string[],
    goals: links.map((l) => ({ ...l, linkedAt: asDate(l.linkedAt) })),
    visibility: visibilityToDomain(row),
    attachments: row.attachments as Insight['attachments'],
    triage: row.triage as Insight['triage'],
    story: storyToDomain(row.story as Row | null),
    evidenceCount: Number(row.evidence_count),
    reactionCount: Number(row.reaction_count),
    createdAt: asDate(row.created_at),
    updatedAt: asDate(row.updated_at),
  };
}
