import { beforeEach, describe, expect, it } from 'vitest';
import type { Insight } from '../../insights/insight';
import { buildGoal, buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { type AssignActionInput, assignAction } from './assign-action';

let w: World;
let everyone: Insight;
let supportOnly: Insight;
beforeEach(() => {
  w = createWorld();
  everyone = buildInsight({ reporterId: w.people.frontline.id });
  supportOnly = buildInsight({
    reporterId: w.people.frontline.id,
    visibility: { scope: 'team', teamId: w.teams.support.id },
  });
  w.seed({ insights: [everyone, supportOnly] });
});

const assign = (overrides: Partial<AssignActionInput> = {}) =>
  assignAction(w.deps, {
    actor: w.people.owner,
    goalId: w.goal.id,
    assigneeId: w.people.colleague.id,
    title: '  Rewrite the first invoice mail  ',
    dueDate: '2026-03-31',
    citedInsightIds: [everyone.id, everyone.id],
    ...overrides,
  });

describe('assignAction', () => {
  it("lets the owner assign an open action to someone in the mandate's teams", async () => {
    const action = await assign();
    expect(action).toMatchObject({
      goalId: w.goal.id,
      title: 'Rewrite the first invoice mail',
      assigneeId: w.people.colleague.id,
      assignedBy: w.people.owner.id,
      dueDate: '2026-03-31',
      status: 'open',
      citedInsightIds: [everyone.id],
      createdAt: w.clock.now(),
    });
    expect(w.state.actions.get(action.id)).toEqual(action);
  });

  it('audits the assignment and publishes action.assigned', async () => {
    const action = await assign();
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'action.assigned',
        subject: { type: 'action', id: action.id },
        details: { goalId: w.goal.id, assigneeId: w.people.colleague.id },
      }),
    ]);
    expect(w.state.events).toEqual([{ type: 'action.assigned', actionId: action.id }]);
  });

  it('stores a missing due date as none', async () => {
    expect((await assign({ dueDate: '' })).dueDate).toBeNull();
  });

  it('lets an admin assign in place of the owner', async () => {
    expect((await assign({ actor: w.people.admin })).assignedBy).toBe(w.people.admin.id);
  });
});

describe('assignAction refuses', () => {
  it('anyone but the owner', async () => {
    await expectRefused(w.state, () => assign({ actor: w.people.leader }), {
      code: 'GOAL.NOT_OWNER',
      kind: 'forbidden',
    });
  });

  it("an assignee outside the mandate's teams", async () => {
    await expectRefused(w.state, () => assign({ assigneeId: w.people.outsider.id }), {
      code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE',
      kind: 'forbidden',
    });
  });

  it('an assignee without a team', async () => {
    await expectRefused(w.state, () => assign({ assigneeId: w.people.teamless.id }), {
      code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE',
    });
  });

  it('a goal that is no longer active', async () => {
    const achieved = buildGoal({ status: 'achieved', ownerId: w.people.owner.id, mandate: w.goal.mandate });
    w.seed({ goals: [achieved] });
    await expectRefused(w.state, () => assign({ goalId: achieved.id }), { code: 'GOAL.NOT_ACTIVE' });
  });

  it('a goal that does not exist', async () => {
    await expectRefused(w.state, () => assign({ goalId: 'nope' }), {
      code: 'GOAL.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('an assignee who does not exist', async () => {
    await expectRefused(w.state, () => assign({ assigneeId: 'nobody' }), {
      code: 'PERSON.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('citing an insight the owner may not read, as if it did not exist', async () => {
    await expectRefused(w.state, () => assign({ citedInsightIds: [everyone.id, supportOnly.id] }), {
      code: 'ACTION.UNKNOWN_INSIGHT',
      kind: 'validation',
      issues: [
        { field: 'citedInsightIds', message: `No insight you can read has the id ${supportOnly.id}.` },
      ],
    });
  });

  it('citing an insight that does not exist', async () => {
    await expectRefused(w.state, () => assign({ citedInsightIds: ['nope'] }), {
      code: 'ACTION.UNKNOWN_INSIGHT',
    });
  });

  it('an empty title', async () => {
    await expectRefused(w.state, () => assign({ title: ' ' }), { code: 'ACTION.TITLE.EMPTY' });
  });

  it('a due date that is not a date', async () => {
    await expectRefused(w.state, () => assign({ dueDate: '2026-13-01' }), { code: 'ACTION.DUE_DATE' });
  });
});
