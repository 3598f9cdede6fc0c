import { describe, expect, it } from 'vitest';
import type { Role } from './person';
import { canCurate, canSetGoals } from './policies';

const withRoles = (...roles: Role[]) => ({ roles });

describe('canCurate', () => {
  it('lets curators curate', () => {
    expect(canCurate(withRoles('curator'))).toBe(true);
  });

  it('lets admins stand in for curators', () => {
    expect(canCurate(withRoles('admin'))).toBe(true);
  });

  it.each<Role>(['frontline', 'owner', 'leader'])('refuses a %s without the curator role', (role) => {
    expect(canCurate(withRoles(role))).toBe(false);
  });

  it('lets a person holding several roles curate when one of them is curator', () => {
    expect(canCurate(withRoles('frontline', 'curator'))).toBe(true);
  });

  it('refuses a person without roles', () => {
    expect(canCurate(withRoles())).toBe(false);
  });
});

describe('canSetGoals', () => {
  it('lets leaders set goals', () => {
    expect(canSetGoals(withRoles('leader'))).toBe(true);
  });

  it('lets admins stand in for leaders', () => {
    expect(canSetGoals(withRoles('admin'))).toBe(true);
  });

  it.each<Role>(['frontline', 'curator', 'owner'])('refuses a %s without the leader role', (role) => {
    expect(canSetGoals(withRoles(role))).toBe(false);
  });
});
