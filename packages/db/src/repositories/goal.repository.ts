import type { Goal, GoalRepository } from '@heard/domain';
import { asDate, asIsoDate, asNumberOrNull, type Db, isUuid, onlyUuids, type Row } from './db';

export function goalToDomain(row: Row): Goal {
  return {
    id: row.id as string,
    title: row.title as string,
    why: row.why as string,
    kpi: {
      name: row.kpi_name as string,
      unit: row.kpi_unit as string,
      baseline: Number(row.kpi_baseline),
      target: Number(row.kpi_target),
      current: asNumberOrNull(row.kpi_current),
      dueDate: asIsoDate(row.kpi_due_date),
    },
    status: row.status as Goal['status'],
    ownerId: row.owner_id as string,
    mandate: { statement: row.mandate_statement as string, teamIds: row.mandate_team_ids as string[] },
    createdBy: row.created_by as string,
    createdAt: asDate(row.created_at),
  };
}

/** Strategic goals with their owners and mandates, on PostgreSQL. */
export function createGoalRepository(db: Db): GoalRepository {
  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`select * from goals where id = ${id}`;
      return row ? goalToDomain(row) : null;
    },
    async findByIds(ids) {
      const valid = onlyUuids(ids);
      if (valid.length === 0) return [];
      const rows = await db`select * from goals where id = any(${valid}::uuid[])`;
      return rows.map(goalToDomain);
    },
    async list(filter = {}) {
      const rows = filter.status
        ? await db`select * from goals where status = ${filter.status} order by kpi_due_date, title`
        : // Active goals first, then achieved, then dropped (not the alphabetical order of the status).
          await db`select * from goals
                   order by array_position(array['active', 'achieved', 'dropped'], status), kpi_due_date, title`;
      return rows.map(goalToDomain);
    },
    async create(goal) {
      const [row] = await db`
        insert into goals (title, why, kpi_name, kpi_unit, kpi_baseline, kpi_target, kpi_current, kpi_due_date,
                           owner_id, mandate_statement, mandate_team_ids, created_by, created_at)
        values (${goal.title}, ${goal.why}, ${goal.kpi.name}, ${goal.kpi.unit}, ${goal.kpi.baseline}, ${goal.kpi.target},
                ${goal.kpi.current}, ${goal.kpi.dueDate}, ${goal.ownerId}, ${goal.mandate.statement},
                ${goal.mandate.teamIds}::uuid[], ${goal.createdBy}, ${goal.createdAt})
        returning *`;
      return goalToDomain(row!);
    },
    async setOwnerAndMandate(id, ownerId, mandate) {
      const [row] = await db`
        update goals set owner_id = ${ownerId}, mandate_statement = ${mandate.statement},
                         mandate_team_ids = ${mandate.teamIds}::uuid[]
        where id = ${id} returning *`;
      return goalToDomain(row!);
    },
    async setKpiCurrent(id, value) {
      await db`update goals set kpi_current = ${value} where id = ${id}`;
    },
  };
}
