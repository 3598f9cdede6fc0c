import type { ReadScope } from '@heard/domain';
import { asDate, asIsoDate, asNumberOrNull, type Db, isUuid } from '../repositories/db';
import { readableBy } from '../repositories/feed.query';
import { goalToDomain } from '../repositories/goal.repository';

/** How the goals list is ordered: active goals first by due date, or by the value of the customers behind them. */
export const GOAL_ORDERS = ['status', 'customer_value'] as const;
export type GoalOrder = (typeof GOAL_ORDERS)[number];

/**
 * Goals as the goals list shows them: owner, how much was heard and done under each, and the
 * customers behind the goal's insights (each counted once, however many insights name them) with
 * the sum of their yearly value, over the insights `scope` may read.
 */
export async function listGoalSummaries(db: Db, scope: ReadScope, order: GoalOrder = 'status') {
  const rows = await db`
    select g.*, o.name as owner_name,
      (select count(*)::int from insight_goals ig join insights i on i.id = ig.insight_id
       where ig.goal_id = g.id and i.merged_into is null and ${readableBy(db, scope)}) as insight_count,
      (select count(*)::int from actions a where a.goal_id = g.id and a.status in ('open', 'in_progress')) as open_actions,
      (select count(*)::int from actions a where a.goal_id = g.id and a.status = 'done') as done_actions,
      (select count(*)::int from evaluations e where e.goal_id = g.id) as evaluations,
      behind.customers as customer_count, behind.value as customer_value
    from goals g join people o on o.id = g.owner_id
    cross join lateral (
      select count(*)::int as customers, coalesce(sum(c.value), 0) as value
      from customers c
      where c.id in (
        select ic.customer_id from insight_goals ig
        join insights i on i.id = ig.insight_id
        join insight_customers ic on ic.insight_id = i.id
        where ig.goal_id = g.id and ${readableBy(db, scope)})
    ) behind
    order by ${order === 'customer_value' ? db`behind.value desc,` : db``}
      case g.status when 'active' then 0 when 'achieved' then 1 else 2 end, g.kpi_due_date, g.title`;
  return rows.map((r) => ({
    goal: goalToDomain(r),
    ownerName: r.owner_name as string,
    insightCount: r.insight_count as number,
    openActions: r.open_actions as number,
    doneActions: r.done_actions as number,
    evaluations: r.evaluations as number,
    customerCount: r.customer_count as number,
    customerValue: Number(r.customer_value),
  }));
}

/** Everything the goal page shows; insights only as far as `scope` may read them. */
export async function loadGoalPage(db: Db, scope: ReadScope, goalId: string) {
  if (!isUuid(goalId)) return null;
  const [row] =
    await db`select g.*, o.name as owner_name from goals g join people o on o.id = g.owner_id where g.id = ${goalId}`;
  if (!row) return null;
  const goal = goalToDomain(row);
  const [teams, measurements, actions, evaluations, insights, assignable] = await Promise.all([
    db`select id, name from teams where id = any(${goal.mandate.teamIds}::uuid[]) order by name`,
    db`select evaluated_at, kpi_value from evaluations where goal_id = ${goalId} and kpi_value is not null order by evaluated_at`,
    db`select a.*, p.name as assignee_name from actions a join people p on p.id = a.assignee_id
       where a.goal_id = ${goalId} order by a.due_date nulls last, a.created_at`,
    db`select e.*, p.name as evaluator_name, a.title as action_title from evaluations e
       join people p on p.id = e.evaluator_id left join actions a on a.id = e.action_id
       where e.goal_id = ${goalId} order by e.evaluated_at desc`,
    // The order matches the insights_rank_for_goals index, so this stops after twelve rows.
    db`select i.id, i.title, i.kind, i.evidence_count, i.reaction_count, i.created_at, i.customer_value
       from insights i join insight_goals ig on ig.insight_id = i.id and ig.goal_id = ${goalId}
       where ${readableBy(db, scope)}
       order by i.evidence_count + i.reaction_count desc, i.customer_value desc, i.created_at desc
       limit 12`,
    db`select id, name from people where team_id = any(${goal.mandate.teamIds}::uuid[]) order by name`,
  ]);
  return {
    goal,
    ownerName: row.owner_name as string,
    mandateTeams: teams.map((t) => ({ id: t.id as string, name: t.name as string })),
    measurements: measurements.map((m) => ({ at: asDate(m.evaluated_at), value: Number(m.kpi_value) })),
    actions: actions.map((a) => ({
      id: a.id as string,
      title: a.title as string,
      status: a.status as string,
      assigneeId: a.assignee_id as string,
      assigneeName: a.assignee_name as string,
      dueDate: a.due_date ? asIsoDate(a.due_date) : null,
      citedCount: (a.cited_insight_ids as string[]).length,
    })),
    evaluations: evaluations.map((e) => ({
      id: e.id as string,
      result: e.result as string,
      kpiValue: asNumberOrNull(e.kpi_value),
      note: e.note as string,
      evaluatorName: e.evaluator_name as string,
      actionTitle: (e.action_title as string | null) ?? null,
      at: asDate(e.evaluated_at),
    })),
    insights: insights.map((i) => ({
      id: i.id as string,
      title: i.title as string,
      kind: i.kind as string,
      evidenceCount: Number(i.evidence_count),
      reactionCount: Number(i.reaction_count),
      customerValue: Number(i.customer_value),
    })),
    assignable: assignable.map((p) => ({ id: p.id as string, name: p.name as string })),
  };
}

export type GoalPage = NonNullable<Awaited<ReturnType<typeof loadGoalPage>>>;

/** Actions assigned to a person, open ones first. */
export async function listActionsFor(db: Db, personId: string) {
  const rows = await db`
    select a.*, g.title as goal_title from actions a join goals g on g.id = a.goal_id
    where a.assignee_id = ${personId}
    order by case a.status when 'in_progress' then 0 when 'open' then 1 else 2 end, a.due_date nulls last, a.created_at`;
  return rows.map((a) => ({
    id: a.id as string,
    title: a.title as string,
    status: a.status as string,
    goalId: a.goal_id as string,
    goalTitle: a.goal_title as string,
    dueDate: a.due_date ? asIsoDate(a.due_date) : null,
  }));
}
