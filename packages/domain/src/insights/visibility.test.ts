import { describe, expect, it } from 'vitest';
import type { Person } from '../people/person';
import { buildPerson } from '../testing';
import type { Visibility } from './insight';
import { canEditInsight, canReadInsight, readScopeFor } from './visibility';

const support = 'team-support';
const sales = 'team-sales';
const reporter = buildPerson({ teamId: support });
const teammate = buildPerson({ teamId: support });
const named = buildPerson({ teamId: sales });
const outsider = buildPerson({ teamId: sales });
const teamless = buildPerson({ teamId: null });
const admin = buildPerson({ teamId: null, roles: ['admin'] });
const curator = buildPerson({ teamId: sales, roles: ['curator'] });

const insight = (visibility: Visibility) => ({ reporterId: reporter.id, visibility });
const everyone = insight({ scope: 'everyone' });
const team = insight({ scope: 'team', teamId: support });
const people = insight({ scope: 'people', personIds: [named.id] });

describe('canReadInsight', () => {
  it.each<[string, Person]>([
    ['a colleague of the same team', teammate],
    ['someone of another team', outsider],
    ['someone without a team', teamless],
  ])('lets %s read an insight visible to everyone', (_, actor) => {
    expect(canReadInsight(actor, everyone)).toBe(true);
  });

  it('lets members of the audience team read a team insight', () => {
    expect(canReadInsight(teammate, team)).toBe(true);
  });

  it('hides a team insight from members of other teams', () => {
    expect(canReadInsight(outsider, team)).toBe(false);
  });

  it('hides a team insight from people without a team', () => {
    expect(canReadInsight(teamless, team)).toBe(false);
  });

  it('lets a named person read an insight restricted to named people', () => {
    expect(canReadInsight(named, people)).toBe(true);
  });

  it('hides an insight restricted to named people from everyone else, teammates included', () => {
    expect(canReadInsight(outsider, people)).toBe(false);
    expect(canReadInsight(teammate, people)).toBe(false);
  });

  it('always lets the reporter read their own insight', () => {
    expect(canReadInsight(reporter, insight({ scope: 'people', personIds: [named.id] }))).toBe(true);
    expect(canReadInsight({ ...reporter, teamId: null }, team)).toBe(true);
  });

  it('lets admins read every insight', () => {
    expect(canReadInsight(admin, team)).toBe(true);
    expect(canReadInsight(admin, people)).toBe(true);
  });

  it('gives curators no exception for restricted insights', () => {
    expect(canReadInsight(curator, team)).toBe(false);
    expect(canReadInsight(curator, people)).toBe(false);
    expect(canReadInsight(curator, everyone)).toBe(true);
  });
});

describe('canEditInsight', () => {
  it('lets the reporter edit', () => {
    expect(canEditInsight(reporter, people)).toBe(true);
  });

  it('lets a curator edit an insight they can read', () => {
    expect(canEditInsight(curator, everyone)).toBe(true);
  });

  it('refuses a curator an insight they cannot read', () => {
    expect(canEditInsight(curator, team)).toBe(false);
  });

  it('lets admins edit any insight', () => {
    expect(canEditInsight(admin, people)).toBe(true);
  });

  it('refuses readers who are neither reporter, curator nor admin', () => {
    expect(canEditInsight(teammate, team)).toBe(false);
    expect(canEditInsight(named, people)).toBe(false);
  });
});

describe('readScopeFor', () => {
  it('carries the person and their team, without seeing everything', () => {
    expect(readScopeFor(teammate)).toEqual({ personId: teammate.id, teamId: support, seesEverything: false });
  });

  it('carries a null team for people without one', () => {
    expect(readScopeFor(teamless)).toEqual({ personId: teamless.id, teamId: null, seesEverything: false });
  });

  it('lets admins see everything', () => {
    expect(readScopeFor(admin).seesEverything).toBe(true);
  });

  it('gives curators no wider scope than anyone else', () => {
    expect(readScopeFor(curator).seesEverything).toBe(false);
  });
});
