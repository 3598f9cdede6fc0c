import { beforeEach, describe, expect, it } from 'vitest';
import { buildAction, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Action } from '../action';
import { updateActionStatus } from './update-action-status';

let w: World;
let action: Action;
beforeEach(() => {
  w = createWorld();
  action = buildAction({
    goalId: w.goal.id,
    assigneeId: w.people.colleague.id,
    assignedBy: w.people.owner.id,
  });
  w.seed({ actions: [action] });
  w.clock.set('2026-01-20T09:00:00.000Z');
});

describe('updateActionStatus', () => {
  it('lets the assignee move the action along, and audits the move', async () => {
    const updated = await updateActionStatus(w.deps, {
      actor: w.people.colleague,
      actionId: action.id,
      status: 'in_progress',
    });
    expect(updated).toMatchObject({ status: 'in_progress', updatedAt: w.clock.now() });
    expect(w.state.actions.get(action.id)).toEqual(updated);
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'action.status_changed',
        details: { from: 'open', to: 'in_progress' },
      }),
    ]);
  });

  it("lets the goal's owner move it", async () => {
    await updateActionStatus(w.deps, { actor: w.people.owner, actionId: action.id, status: 'done' });
    expect(w.state.actions.get(action.id)?.status).toBe('done');
  });

  it('lets an admin move it', async () => {
    await updateActionStatus(w.deps, { actor: w.people.admin, actionId: action.id, status: 'wont_do' });
    expect(w.state.actions.get(action.id)?.status).toBe('wont_do');
  });

  it('changes nothing when the status is already the one asked for', async () => {
    const same = await updateActionStatus(w.deps, {
      actor: w.people.colleague,
      actionId: action.id,
      status: 'open',
    });
    expect(same).toEqual(action);
    expect(w.state.audit).toEqual([]);
  });
});

describe('updateActionStatus refuses', () => {
  it('a move the workflow does not allow', async () => {
    w.seed({ actions: [{ ...action, status: 'wont_do' }] });
    await expectRefused(
      w.state,
      () => updateActionStatus(w.deps, { actor: w.people.colleague, actionId: action.id, status: 'done' }),
      { code: 'ACTION.INVALID_MOVE', kind: 'validation', issues: [{ field: 'status' }] },
    );
  });

  it('a stranger', async () => {
    await expectRefused(
      w.state,
      () => updateActionStatus(w.deps, { actor: w.people.outsider, actionId: action.id, status: 'done' }),
      { code: 'ACTION.NOT_ALLOWED', kind: 'forbidden' },
    );
  });

  it('an action that does not exist', async () => {
    await expectRefused(
      w.state,
      () => updateActionStatus(w.deps, { actor: w.people.admin, actionId: 'nope', status: 'done' }),
      { code: 'ACTION.NOT_FOUND', kind: 'not_found' },
    );
  });
});
