import { describe, expect, it } from 'vitest';
import { buildGoal, buildPerson, buildTeam, useTestDatabase } from '../testing';
import { createGoalRepository } from './goal.repository';

const db = useTestDatabase();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('goal repository', () => {
  it('creates an active goal with its KPI, owner and mandate, and finds it again', async () => {
    const sql = db.sql();
    const [billing, support] = [await buildTeam(sql), await buildTeam(sql)];
    const owner = await buildPerson(sql, { roles: ['owner'] });
    const leader = await buildPerson(sql, { roles: ['leader'] });
    const createdAt = new Date('2026-01-15T09:00:00.123Z');
    const goals = createGoalRepository(sql);
    const goal = await goals.create({
      title: 'Halve billing complaints by Q3',
      why: 'Billing confusion is why customers call us angry.',
      kpi: {
        name: 'Complaints per month',
        unit: 'complaints',
        baseline: 140,
        target: 70,
        current: 112.5,
        dueDate: '2026-09-30',
      },
      ownerId: owner.id,
      mandate: { statement: 'May change invoices.', teamIds: [billing.id, support.id] },
      createdBy: leader.id,
      createdAt,
    });
    expect(goal).toEqual({
      id: expect.any(String),
      title: 'Halve billing complaints by Q3',
      why: 'Billing confusion is why customers call us angry.',
      kpi: {
        name: 'Complaints per month',
        unit: 'complaints',
        baseline: 140,
        target: 70,
        current: 112.5,
        dueDate: '2026-09-30',
      },
      status: 'active',
      ownerId: owner.id,
      mandate: { statement: 'May change invoices.', teamIds: [billing.id, support.id] },
      createdBy: leader.id,
      createdAt,
    });
    expect(await goals.findById(goal.id)).toEqual(goal);
  });

  it('keeps a KPI without a current value as null and an empty mandate as no teams', async () => {
    const sql = db.sql();
    const goal = await buildGoal(sql, { kpi: { current: null }, mandate: { statement: 'x', teamIds: [] } });
    const found = await createGoalRepository(sql).findById(goal.id);
    expect(found?.kpi.current).toBeNull();
    expect(found?.mandate.teamIds).toEqual([]);
  });

  it('answers null or nothing for unknown and malformed ids instead of throwing', async () => {
    const sql = db.sql();
    const goal = await buildGoal(sql);
    const goals = createGoalRepository(sql);
    expect(await goals.findById(UNKNOWN)).toBeNull();
    expect(await goals.findById('halve-churn')).toBeNull();
    expect((await goals.findByIds([goal.id, UNKNOWN, 'halve-churn'])).map((g) => g.id)).toEqual([goal.id]);
    expect(await goals.findByIds(['halve-churn'])).toEqual([]);
  });

  it('lists active goals first, then achieved, then dropped, each by due date and title', async () => {
    const sql = db.sql();
    await sql`delete from goals`;
    const achieved = await buildGoal(sql, { title: 'A achieved', status: 'achieved' });
    const dropped = await buildGoal(sql, { title: 'A dropped', status: 'dropped' });
    const later = await buildGoal(sql, { title: 'A later', kpi: { dueDate: '2027-03-31' } });
    const soonB = await buildGoal(sql, { title: 'B soon', kpi: { dueDate: '2026-06-30' } });
    const soonA = await buildGoal(sql, { title: 'A soon', kpi: { dueDate: '2026-06-30' } });
    const goals = createGoalRepository(sql);
    expect((await goals.list()).map((g) => g.id)).toEqual([
      soonA.id,
      soonB.id,
      later.id,
      achieved.id,
      dropped.id,
    ]);
    expect((await goals.list({ status: 'active' })).map((g) => g.id)).toEqual([soonA.id, soonB.id, later.id]);
    expect((await goals.list({ status: 'dropped' })).map((g) => g.id)).toEqual([dropped.id]);
  });

  it('hands a goal to a new owner with a new mandate', async () => {
    const sql = db.sql();
    const goal = await buildGoal(sql);
    const team = await buildTeam(sql);
    const newOwner = await buildPerson(sql, { roles: ['owner'] });
    const goals = createGoalRepository(sql);
    const updated = await goals.setOwnerAndMandate(goal.id, newOwner.id, {
      statement: 'May change the cancellation flow.',
      teamIds: [team.id],
    });
    expect(updated.ownerId).toBe(newOwner.id);
    expect(updated.mandate).toEqual({ statement: 'May change the cancellation flow.', teamIds: [team.id] });
    expect(await goals.findById(goal.id)).toEqual(updated);
  });

  it('records the latest KPI value without touching the rest of the KPI', async () => {
    const sql = db.sql();
    const goal = await buildGoal(sql, { kpi: { baseline: 3.4, target: 2, current: null } });
    const goals = createGoalRepository(sql);
    await goals.setKpiCurrent(goal.id, 3.1);
    expect((await goals.findById(goal.id))?.kpi).toEqual({ ...goal.kpi, current: 3.1 });
  });

  it('refuses an owner who is not a person of the organisation', async () => {
    const sql = db.sql();
    await expect(buildGoal(sql, { ownerId: UNKNOWN })).rejects.toThrow(/foreign key/);
  });
});
