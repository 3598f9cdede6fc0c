import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type ActionStatus, canMoveAction } from './action';

const allowed: [ActionStatus, ActionStatus][] = [
  ['open', 'in_progress'],
  ['open', 'done'],
  ['open', 'wont_do'],
  ['in_progress', 'open'],
  ['in_progress', 'done'],
  ['in_progress', 'wont_do'],
  ['done', 'in_progress'],
  ['wont_do', 'open'],
];

const isAllowed = (from: ActionStatus, to: ActionStatus) => allowed.some(([f, t]) => f === from && t === to);

const everyMove = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const));

describe('canMoveAction', () => {
  it.each(allowed)('lets an action move from %s to %s', (from, to) => {
    expect(canMoveAction(from, to)).toBe(true);
  });

  it.each(everyMove.filter(([from, to]) => !isAllowed(from, to)))(
    'refuses to move an action from %s to %s',
    (from, to) => {
      expect(canMoveAction(from, to)).toBe(false);
    },
  );

  it("does not let a won't-do action jump straight to done", () => {
    expect(canMoveAction('wont_do', 'done')).toBe(false);
  });

  it('reopens a done action only by putting it back in progress', () => {
    expect(canMoveAction('done', 'open')).toBe(false);
    expect(canMoveAction('done', 'in_progress')).toBe(true);
  });
});
