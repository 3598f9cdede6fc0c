import { describe, expect, it } from 'vitest';
import { buildGoal, buildPerson } from '../testing';
import { canAssignAction, canEvaluate } from './policies';

const owner = buildPerson({ roles: ['owner'] });
const admin = buildPerson({ roles: ['admin'] });
const stranger = buildPerson({ roles: ['leader'] });
const goal = buildGoal({
  title: 'Halve SMB churn',
  ownerId: owner.id,
  mandate: { statement: 'Onboarding', teamIds: ['support', 'billing'] },
});
const inSupport = buildPerson({ name: 'Sam', teamId: 'support' });
const inSales = buildPerson({ name: 'Sal', teamId: 'sales' });
const teamless = buildPerson({ name: 'Tess', teamId: null });

describe('canAssignAction', () => {
  it("lets the owner assign to someone in the mandate's teams", () => {
    expect(canAssignAction(owner, goal, inSupport)).toEqual({ allowed: true });
  });

  it('refuses anyone but the owner with GOAL.NOT_OWNER', () => {
    expect(canAssignAction(stranger, goal, inSupport)).toMatchObject({
      allowed: false,
      code: 'GOAL.NOT_OWNER',
      reason: expect.stringContaining('Halve SMB churn'),
    });
  });

  it('lets an admin stand in for the owner', () => {
    expect(canAssignAction(admin, goal, inSupport)).toEqual({ allowed: true });
  });

  it("refuses an assignee outside the mandate's teams", () => {
    expect(canAssignAction(owner, goal, inSales)).toMatchObject({
      allowed: false,
      code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE',
      reason: expect.stringContaining('Sal'),
    });
  });

  it('refuses an assignee without a team', () => {
    expect(canAssignAction(owner, goal, teamless)).toMatchObject({
      allowed: false,
      code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE',
    });
  });

  it.each(['achieved', 'dropped'] as const)('refuses actions under a goal that is %s', (status) => {
    expect(canAssignAction(owner, { ...goal, status }, inSupport)).toMatchObject({
      allowed: false,
      code: 'GOAL.NOT_ACTIVE',
    });
  });

  it('refuses admins too outside the mandate', () => {
    expect(canAssignAction(admin, goal, inSales)).toMatchObject({ code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE' });
  });
});

describe('canEvaluate', () => {
  it('lets the owner evaluate', () => {
    expect(canEvaluate(owner, goal)).toBe(true);
  });

  it('lets an admin evaluate', () => {
    expect(canEvaluate(admin, goal)).toBe(true);
  });

  it('refuses anyone else, leaders included', () => {
    expect(canEvaluate(stranger, goal)).toBe(false);
    expect(canEvaluate(inSupport, goal)).toBe(false);
  });
});
