import type { Customer, InsightKind, ReadScope, Sentiment, Visibility } from '@heard/domain';
import { customerToDomain } from '../repositories/customer.repository';
import { asDate, asIsoDate, asNumberOrNull, type Db, isUuid } from '../repositories/db';
import { readableBy } from '../repositories/feed.query';
import { visibilityToDomain } from '../repositories/insight.mapper';

/** How an insight concerns the customer: it is about them, or they were added as further evidence. */
export type CustomerRelation = 'subject' | 'evidence';

export interface CustomerInsight {
  id: string;
  title: string;
  kind: InsightKind;
  sentiment: Sentiment;
  relation: CustomerRelation;
  /** What the colleague who added this customer as evidence wrote, if anything. */
  evidenceNote: string | null;
  reporterName: string;
  visibility: Visibility;
  goals: { id: string; title: string }[];
  evidenceCount: number;
  reactionCount: number;
  createdAt: Date;
  story: { headline: string; summary: string; pullQuote: string | null; publishedAt: Date } | null;
}

export interface CustomerAction {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  goal: { id: string; title: string };
  assigneeName: string;
  /** The insights about this customer that the action cites (only those the reader may read). */
  cites: { id: string; title: string }[];
  evaluations: {
    id: string;
    result: string;
    kpiValue: number | null;
    note: string;
    evaluatorName: string;
    at: Date;
  }[];
}

export interface CustomerPage {
  customer: Customer;
  insights: CustomerInsight[];
  /** Every readable insight concerning the customer, when more than `insights` holds. */
  insightTotal: number;
  actions: CustomerAction[];
}

const INSIGHT_LIMIT = 50;

/**
 * Everything known about one customer: identifiers, the insights that concern them as subject or
 * as evidence, their published stories, and the actions citing those insights with evaluations.
 * Only insights `scope` may read count: an action is listed only when it cites one of them.
 */
export async function loadCustomerPage(
  db: Db,
  scope: ReadScope,
  customerId: string,
): Promise<CustomerPage | null> {
  if (!isUuid(customerId)) return null;
  const [row] = await db`
    select c.id, c.name, c.kind, c.segment, c.value,
           coalesce((select json_agg(json_build_object('system', ci.system, 'value', ci.value) order by ci.system, ci.value)
                     from customer_identifiers ci where ci.customer_id = c.id), '[]') as identifiers
    from customers c where c.id = ${customerId}`;
  if (!row) return null;
  // Driven from the customer's few rows, as the feed's customer filter is.
  const concerning = db`
    select i.* from insights i
    where i.id = any(array(select ic.insight_id from insight_customers ic where ic.customer_id = ${customerId}
                           union select e.insight_id from evidence e where e.customer_id = ${customerId}))
      and ${readableBy(db, scope)}`;
  const [insights, [total], actions] = await Promise.all([
    db`
      with mine as (${concerning})
      select i.id, i.title, i.kind, i.sentiment, i.visibility_scope, i.visibility_team_id, i.visibility_person_ids,
             i.evidence_count, i.reaction_count, i.created_at, r.name as reporter_name,
             exists (select 1 from insight_customers ic where ic.insight_id = i.id and ic.customer_id = ${customerId}) as is_subject,
             (select e.note from evidence e where e.insight_id = i.id and e.customer_id = ${customerId} and e.note is not null
              order by e.created_at desc limit 1) as evidence_note,
             (select row_to_json(s) from stories s where s.insight_id = i.id and s.status = 'published') as story,
             coalesce((select json_agg(json_build_object('id', g.id, 'title', g.title) order by g.title)
                       from insight_goals ig join goals g on g.id = ig.goal_id where ig.insight_id = i.id), '[]') as goals
      from mine i join people r on r.id = i.reporter_id
      order by i.created_at desc, i.id desc
      limit ${INSIGHT_LIMIT}`,
    db`with mine as (${concerning}) select count(*)::int as n from mine`,
    db`
      with mine as (${concerning})
      select a.id, a.title, a.status, a.due_date, a.goal_id, g.title as goal_title, p.name as assignee_name,
             (select json_agg(json_build_object('id', m.id, 'title', m.title) order by m.created_at desc)
              from mine m where m.id = any(a.cited_insight_ids)) as cites,
             coalesce((select json_agg(json_build_object('id', e.id, 'result', e.result, 'kpiValue', e.kpi_value,
                                                         'note', e.note, 'evaluatorName', ev.name, 'at', e.evaluated_at)
                                       order by e.evaluated_at desc)
                       from evaluations e join people ev on ev.id = e.evaluator_id where e.action_id = a.id), '[]') as evaluations
      from actions a join goals g on g.id = a.goal_id join people p on p.id = a.assignee_id
      where a.cited_insight_ids && array(select id from mine)
      order by case a.status when 'in_progress' then 0 when 'open' then 1 when 'done' then 2 else 3 end,
               a.updated_at desc`,
  ]);
  return {
    customer: customerToDomain(row),
    insightTotal: total?.n ?? 0,
    insights: insights.map((i) => {
      const story = i.story as Record<string, unknown> | null;
      return {
        id: i.id as string,
        title: i.title as string,
        kind: i.kind as InsightKind,
        sentiment: i.sentiment as Sentiment,
        relation: i.is_subject ? 'subject' : 'evidence',
        evidenceNote: i.is_subject ? null : ((i.evidence_note as string | null) ?? null),
        reporterName: i.reporter_name as string,
        visibility: visibilityToDomain(i),
        goals: i.goals as CustomerInsight['goals'],
        evidenceCount: Number(i.evidence_count),
        reactionCount: Number(i.reaction_count),
        createdAt: asDate(i.created_at),
        story: story && {
          headline: story.headline as string,
          summary: story.summary as string,
          pullQuote: (story.pull_quote as string | null) ?? null,
          publishedAt: asDate(story.published_at),
        },
      };
    }),
    actions: actions.map((a) => ({
      id: a.id as string,
      title: a.title as string,
      status: a.status as string,
      dueDate: a.due_date ? asIsoDate(a.due_date) : null,
      goal: { id: a.goal_id as string, title: a.goal_title as string },
      assigneeName: a.assignee_name as string,
      cites: (a.cites as CustomerAction['cites'] | null) ?? [],
      evaluations: (a.evaluations as Record<string, unknown>[]).map((e) => ({
        id: e.id as string,
        result: e.result as string,
        kpiValue: asNumberOrNull(e.kpiValue),
        note: e.note as string,
        evaluatorName: e.evaluatorName as string,
        at: asDate(e.at),
      })),
    })),
  };
}
