import type { Action, ActionRepository, Evaluation, EvaluationRepository } from '@heard/domain';
import { asDate, asIsoDate, asNumberOrNull, type Db, isUuid, type Row } from './db';

export function actionToDomain(row: Row): Action {
  return {
    id: row.id as string,
    goalId: row.goal_id as string,
    title: row.title as string,
    assigneeId: row.assignee_id as string,
    assignedBy: row.assigned_by as string,
    dueDate: row.due_date ? asIsoDate(row.due_date) : null,
    status: row.status as Action['status'],
    citedInsightIds: row.cited_insight_ids as string[],
    createdAt: asDate(row.created_at),
    updatedAt: asDate(row.updated_at),
  };
}

/** Actions owners assign under their goals, on PostgreSQL. */
export function createActionRepository(db: Db): ActionRepository {
  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`select * from actions where id = ${id}`;
      return row ? actionToDomain(row) : null;
    },
    async listByGoal(goalId) {
      const rows = await db`select * from actions where goal_id = ${goalId} order by created_at`;
      return rows.map(actionToDomain);
    },
    async create(action) {
      const [row] = await db`
        insert into actions (goal_id, title, assignee_id, assigned_by, due_date, cited_insight_ids, created_at, updated_at)
        values (${action.goalId}, ${action.title}, ${action.assigneeId}, ${action.assignedBy}, ${action.dueDate},
                ${action.citedInsightIds}::uuid[], ${action.createdAt}, ${action.createdAt})
        returning *`;
      return actionToDomain(row!);
    },
    async setStatus(id, status, at) {
      const [row] =
        await db`update actions set status = ${status}, updated_at = ${at} where id = ${id} returning *`;
      return actionToDomain(row!);
    },
  };
}

export function evaluationToDomain(row: Row): Evaluation {
  const goalId = row.goal_id as string;
  return {
    id: row.id as string,
    subject: row.action_id
      ? { kind: 'action', actionId: row.action_id as string, goalId }
      : { kind: 'goal', goalId },
    result: row.result as Evaluation['result'],
    kpiValue: asNumberOrNull(row.kpi_value),
    evidenceInsightIds: row.evidence_insight_ids as string[],
    note: row.note as string,
    evaluatorId: row.evaluator_id as string,
    evaluatedAt: asDate(row.evaluated_at),
  };
}

/** Customer-side outcomes of actions and goals, on PostgreSQL. */
export function createEvaluationRepository(db: Db): EvaluationRepository {
  return {
    async create(e) {
      const actionId = e.subject.kind === 'action' ? e.subject.actionId : null;
      const [row] = await db`
        insert into evaluations (action_id, goal_id, result, kpi_value, evidence_insight_ids, note, evaluator_id, evaluated_at)
        values (${actionId}, ${e.subject.goalId}, ${e.result}, ${e.kpiValue}, ${e.evidenceInsightIds}::uuid[], ${e.note},
                ${e.evaluatorId}, ${e.evaluatedAt})
        returning *`;
      return evaluationToDomain(row!);
    },
    async listByGoal(goalId) {
      const rows = await db`select * from evaluations where goal_id = ${goalId} order by evaluated_at desc`;
      return rows.map(evaluationToDomain);
    },
  };
}
