import { buildCustomer, buildGoal, buildPerson, buildTeam } from './builders';
import {
  createInMemoryDeps,
  DEFAULT_NOW,
  type FixedClock,
  fixedClock,
  type InMemoryOptions,
} from './in-memory';

/**
 * A small organisation most tests start from: three teams, one person per
 * role, an active goal whose mandate covers Support and Billing, and a customer.
 */
export function createWorld(options: Omit<InMemoryOptions, 'clock'> = {}) {
  const support = buildTeam({ name: 'Support', slug: 'support' });
  const sales = buildTeam({ name: 'Sales', slug: 'sales' });
  const billing = buildTeam({ name: 'Billing', slug: 'billing' });
  const people = {
    frontline: buildPerson({ name: 'Fran Frontline', teamId: support.id }),
    colleague: buildPerson({ name: 'Cole Colleague', teamId: support.id }),
    outsider: buildPerson({ name: 'Otto Outsider', teamId: sales.id }),
    curator: buildPerson({ name: 'Cora Curator', teamId: sales.id, roles: ['curator'] }),
    owner: buildPerson({ name: 'Owen Owner', teamId: billing.id, roles: ['owner'] }),
    leader: buildPerson({ name: 'Lea Leader', teamId: null, roles: ['leader'] }),
    admin: buildPerson({ name: 'Ada Admin', teamId: null, roles: ['admin'] }),
    teamless: buildPerson({ name: 'Tess Teamless', teamId: null }),
  };
  const goal = buildGoal({
    title: 'Halve SMB churn',
    ownerId: people.owner.id,
    createdBy: people.leader.id,
    mandate: { statement: 'May change onboarding and billing mails.', teamIds: [support.id, billing.id] },
  });
  const acme = buildCustomer({ name: 'Acme' });
  const clock: FixedClock = fixedClock(DEFAULT_NOW);
  const store = createInMemoryDeps({
    ...options,
    clock,
    teams: [support, sales, billing, ...(options.teams ?? [])],
    people: [...Object.values(people), ...(options.people ?? [])],
    goals: [goal, ...(options.goals ?? [])],
    customers: [acme, ...(options.customers ?? [])],
  });
  return { ...store, clock, teams: { support, sales, billing }, people, goal, acme };
}

export type World = ReturnType<typeof createWorld>;
