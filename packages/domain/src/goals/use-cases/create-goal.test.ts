import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../shared/errors';
import { createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { type CreateGoalInput, createGoal } from './create-goal';

let w: World;
beforeEach(() => {
  w = createWorld();
});

const create = (overrides: Partial<CreateGoalInput> = {}) =>
  createGoal(w.deps, {
    actor: w.people.leader,
    title: '  Cut time-to-first-invoice  ',
    why: ' New accounts churn when the first invoice confuses them. ',
    kpi: {
      name: ' Support tickets about invoices ',
      unit: ' tickets/week ',
      baseline: 40,
      target: 10,
      dueDate: '2026-06-30',
    },
    ownerId: w.people.owner.id,
    mandate: { statement: ' May rewrite invoice mails. ', teamIds: [w.teams.billing.id, w.teams.billing.id] },
    ...overrides,
  });

const withKpi = (kpi: Partial<CreateGoalInput['kpi']>) => ({
  kpi: { name: 'Tickets', unit: 'tickets', baseline: 40, target: 10, dueDate: '2026-06-30', ...kpi },
});

describe('createGoal', () => {
  it('creates an active goal, trimmed, without a measured value yet', async () => {
    const goal = await create();
    expect(goal).toMatchObject({
      title: 'Cut time-to-first-invoice',
      why: 'New accounts churn when the first invoice confuses them.',
      kpi: {
        name: 'Support tickets about invoices',
        unit: 'tickets/week',
        baseline: 40,
        target: 10,
        current: null,
      },
      status: 'active',
      ownerId: w.people.owner.id,
      mandate: { statement: 'May rewrite invoice mails.', teamIds: [w.teams.billing.id] },
      createdBy: w.people.leader.id,
      createdAt: w.clock.now(),
    });
    expect(w.state.goals.get(goal.id)).toEqual(goal);
  });

  it('audits the goal with its owner', async () => {
    const goal = await create();
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'goal.created',
        actorId: w.people.leader.id,
        subject: { type: 'goal', id: goal.id },
        details: { ownerId: w.people.owner.id },
      }),
    ]);
  });

  it('lets an admin stand in for a leader', async () => {
    await expect(create({ actor: w.people.admin })).resolves.toMatchObject({ createdBy: w.people.admin.id });
  });

  it('accepts a KPI that improves downwards or upwards', async () => {
    await expect(create(withKpi({ baseline: 2, target: 9 }))).resolves.toBeDefined();
  });
});

describe('createGoal refuses', () => {
  const refuses = (overrides: Partial<CreateGoalInput>, code: string, kind: ErrorKind = 'validation') =>
    expectRefused(w.state, () => create(overrides), { code, kind });

  it('someone who is not a leader', async () => {
    await refuses({ actor: w.people.owner }, 'GOAL.NOT_LEADER', 'forbidden');
  });

  it('an empty title', async () => {
    await refuses({ title: '  ' }, 'GOAL.TITLE.EMPTY');
  });

  it('an empty why', async () => {
    await refuses({ why: '' }, 'GOAL.WHY.EMPTY');
  });

  it('a KPI without a name', async () => {
    await refuses(withKpi({ name: '' }), 'GOAL.KPI_NAME.EMPTY');
  });

  it('a KPI without a unit', async () => {
    await refuses(withKpi({ unit: ' ' }), 'GOAL.KPI_UNIT.EMPTY');
  });

  it('a baseline that is not a number', async () => {
    await refuses(withKpi({ baseline: Number.NaN }), 'GOAL.KPI_BASELINE');
  });

  it('a target that is not a number', async () => {
    await refuses(withKpi({ target: Number.POSITIVE_INFINITY }), 'GOAL.KPI_TARGET');
  });

  it('a target equal to the baseline', async () => {
    await refuses(withKpi({ target: 40 }), 'GOAL.KPI_TARGET_EQUALS_BASELINE');
  });

  it.each(['30/06/2026', '2026-02-30', ''])('the due date %j', async (dueDate) => {
    await refuses(withKpi({ dueDate }), 'GOAL.KPI_DUE_DATE');
  });

  it('an owner who does not exist', async () => {
    await refuses({ ownerId: 'nobody' }, 'GOAL.UNKNOWN_OWNER');
  });

  it('a mandate without a statement', async () => {
    await refuses({ mandate: { statement: ' ', teamIds: [w.teams.billing.id] } }, 'GOAL.MANDATE.EMPTY');
  });

  it('a mandate over no team', async () => {
    await refuses({ mandate: { statement: 'Anything', teamIds: [] } }, 'GOAL.MANDATE_NO_TEAMS');
  });

  it('a mandate over a team that does not exist', async () => {
    await refuses({ mandate: { statement: 'Anything', teamIds: ['no-such-team'] } }, 'GOAL.UNKNOWN_TEAM');
  });
});
