import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { type SetGoalOwnerAndMandateInput, setGoalOwnerAndMandate } from './set-goal-owner-and-mandate';

let w: World;
beforeEach(() => {
  w = createWorld();
});

const hand = (overrides: Partial<SetGoalOwnerAndMandateInput> = {}) =>
  setGoalOwnerAndMandate(w.deps, {
    actor: w.people.leader,
    goalId: w.goal.id,
    ownerId: w.people.curator.id,
    mandate: {
      statement: '  May change the sales playbook.  ',
      teamIds: [w.teams.sales.id, w.teams.sales.id],
    },
    ...overrides,
  });

describe('setGoalOwnerAndMandate', () => {
  it('hands the goal to the new owner with the new mandate, trimmed and without duplicate teams', async () => {
    const goal = await hand();
    expect(goal).toMatchObject({
      id: w.goal.id,
      title: w.goal.title,
      ownerId: w.people.curator.id,
      mandate: { statement: 'May change the sales playbook.', teamIds: [w.teams.sales.id] },
    });
    expect(w.state.goals.get(w.goal.id)).toEqual(goal);
  });

  it('audits the previous and the new owner', async () => {
    await hand();
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'goal.owner_and_mandate_set',
        actorId: w.people.leader.id,
        subject: { type: 'goal', id: w.goal.id },
        details: { previousOwnerId: w.people.owner.id, ownerId: w.people.curator.id },
      }),
    ]);
  });

  it('lets an admin stand in for a leader', async () => {
    await expect(hand({ actor: w.people.admin })).resolves.toMatchObject({ ownerId: w.people.curator.id });
  });
});

describe('setGoalOwnerAndMandate refuses', () => {
  it('someone who is not a leader, the current owner included', async () => {
    await expectRefused(w.state, () => hand({ actor: w.people.owner }), {
      code: 'GOAL.NOT_LEADER',
      kind: 'forbidden',
    });
  });

  it('a goal that does not exist', async () => {
    await expectRefused(w.state, () => hand({ goalId: 'nope' }), {
      code: 'GOAL.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('an owner who does not exist', async () => {
    await expectRefused(w.state, () => hand({ ownerId: 'nobody' }), {
      code: 'GOAL.UNKNOWN_OWNER',
      kind: 'validation',
    });
  });

  it('a mandate over no team', async () => {
    await expectRefused(w.state, () => hand({ mandate: { statement: 'x', teamIds: [] } }), {
      code: 'GOAL.MANDATE_NO_TEAMS',
    });
  });

  it('a mandate over an unknown team', async () => {
    await expectRefused(w.state, () => hand({ mandate: { statement: 'x', teamIds: ['no-such-team'] } }), {
      code: 'GOAL.UNKNOWN_TEAM',
    });
  });

  it('a mandate without a statement', async () => {
    await expectRefused(w.state, () => hand({ mandate: { statement: '', teamIds: [w.teams.sales.id] } }), {
      code: 'GOAL.MANDATE.EMPTY',
    });
  });
});
