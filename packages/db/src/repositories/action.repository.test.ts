import { describe, expect, it } from 'vitest';
import { buildGoal, buildInsight, buildPerson, useTestDatabase } from '../testing';
import { createActionRepository, createEvaluationRepository } from './action.repository';
import type { Db } from './db';

const db = useTestDatabase();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function goalWithPeople(sql: Db) {
  const goal = await buildGoal(sql);
  const assignee = await buildPerson(sql);
  return { goal, assignee };
}

describe('action repository', () => {
  it('creates an open action citing insights, and finds it again', async () => {
    const sql = db.sql();
    const { goal, assignee } = await goalWithPeople(sql);
    const cited = [await buildInsight(sql), await buildInsight(sql)];
    const createdAt = new Date('2026-01-15T09:00:00.250Z');
    const actions = createActionRepository(sql);
    const action = await actions.create({
      goalId: goal.id,
      title: 'Show seats per department on invoices',
      assigneeId: assignee.id,
      assignedBy: goal.ownerId,
      dueDate: '2026-03-31',
      citedInsightIds: cited.map((i) => i.id),
      createdAt,
    });
    expect(action).toEqual({
      id: expect.any(String),
      goalId: goal.id,
      title: 'Show seats per department on invoices',
      assigneeId: assignee.id,
      assignedBy: goal.ownerId,
      dueDate: '2026-03-31',
      status: 'open',
      citedInsightIds: cited.map((i) => i.id),
      createdAt,
      updatedAt: createdAt,
    });
    expect(await actions.findById(action.id)).toEqual(action);
  });

  it('keeps an action without due date or cited insights', async () => {
    const sql = db.sql();
    const { goal, assignee } = await goalWithPeople(sql);
    const action = await createActionRepository(sql).create({
      goalId: goal.id,
      title: 'Call the churned accounts',
      assigneeId: assignee.id,
      assignedBy: goal.ownerId,
      dueDate: null,
      citedInsightIds: [],
      createdAt: new Date(),
    });
    expect(action.dueDate).toBeNull();
    expect(action.citedInsightIds).toEqual([]);
  });

  it('answers null for an unknown or malformed id instead of throwing', async () => {
    const actions = createActionRepository(db.sql());
    expect(await actions.findById(UNKNOWN)).toBeNull();
    expect(await actions.findById('action-1')).toBeNull();
  });

  it("lists a goal's actions oldest first, and no other goal's", async () => {
    const sql = db.sql();
    const { goal, assignee } = await goalWithPeople(sql);
    const other = await buildGoal(sql);
    const actions = createActionRepository(sql);
    const make = (goalId: string, title: string, at: string) =>
      actions.create({
        goalId,
        title,
        assigneeId: assignee.id,
        assignedBy: goal.ownerId,
        dueDate: null,
        citedInsightIds: [],
        createdAt: new Date(at),
      });
    const second = await make(goal.id, 'second', '2026-01-10T00:00:00Z');
    const first = await make(goal.id, 'first', '2026-01-01T00:00:00Z');
    await make(other.id, 'elsewhere', '2026-01-05T00:00:00Z');
    expect((await actions.listByGoal(goal.id)).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(await actions.listByGoal(UNKNOWN)).toEqual([]);
  });

  it('moves an action to a new status and stamps when', async () => {
    const sql = db.sql();
    const { goal, assignee } = await goalWithPeople(sql);
    const actions = createActionRepository(sql);
    const action = await actions.create({
      goalId: goal.id,
      title: 'Rewrite the dunning email',
      assigneeId: assignee.id,
      assignedBy: goal.ownerId,
      dueDate: null,
      citedInsightIds: [],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const at = new Date('2026-01-20T12:00:00Z');
    const moved = await actions.setStatus(action.id, 'in_progress', at);
    expect(moved).toEqual({ ...action, status: 'in_progress', updatedAt: at });
    expect(await actions.findById(action.id)).toEqual(moved);
    expect((await actions.setStatus(action.id, 'done', at)).status).toBe('done');
  });
});

describe('evaluation repository', () => {
  it('records the outcome of an action under its goal', async () => {
    const sql = db.sql();
    const { goal, assignee } = await goalWithPeople(sql);
    const evidence = await buildInsight(sql);
    const action = await createActionRepository(sql).create({
      goalId: goal.id,
      title: 'Stop double charges',
      assigneeId: assignee.id,
      assignedBy: goal.ownerId,
      dueDate: null,
      citedInsightIds: [],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const evaluatedAt = new Date('2026-02-01T10:00:00.5Z');
    const evaluation = await createEvaluationRepository(sql).create({
      subject: { kind: 'action', actionId: action.id, goalId: goal.id },
      result: 'better',
      kpiValue: 96.5,
      evidenceInsightIds: [evidence.id],
      note: 'Fewer complaints since the fix.',
      evaluatorId: goal.ownerId,
      evaluatedAt,
    });
    expect(evaluation).toEqual({
      id: expect.any(String),
      subject: { kind: 'action', actionId: action.id, goalId: goal.id },
      result: 'better',
      kpiValue: 96.5,
      evidenceInsightIds: [evidence.id],
      note: 'Fewer complaints since the fix.',
      evaluatorId: goal.ownerId,
      evaluatedAt,
    });
  });

  it("records the outcome of a goal itself, and lists a goal's evaluations newest first", async () => {
    const sql = db.sql();
    const goal = await buildGoal(sql);
    const other = await buildGoal(sql);
    const evaluations = createEvaluationRepository(sql);
    const record = (goalId: string, at: string, kpiValue: number | null) =>
      evaluations.create({
        subject: { kind: 'goal', goalId },
        result: 'unchanged',
        kpiValue,
        evidenceInsightIds: [],
        note: 'No change yet.',
        evaluatorId: goal.ownerId,
        evaluatedAt: new Date(at),
      });
    const older = await record(goal.id, '2026-01-01T00:00:00Z', null);
    const newer = await record(goal.id, '2026-02-01T00:00:00Z', 3.1);
    await record(other.id, '2026-03-01T00:00:00Z', null);
    expect(older.subject).toEqual({ kind: 'goal', goalId: goal.id });
    expect(older.kpiValue).toBeNull();
    const listed = await evaluations.listByGoal(goal.id);
    expect(listed).toEqual([newer, older]);
    expect(await evaluations.listByGoal(UNKNOWN)).toEqual([]);
  });
});
