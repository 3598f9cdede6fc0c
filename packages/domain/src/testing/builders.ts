import type { Action } from '../actions/action';
import type { Customer } from '../customers/customer';
import type { Goal, Kpi } from '../goals/goal';
import type { Insight } from '../insights/insight';
import type { Person, Team } from '../people/person';
import { randomId } from './ids';
import { DEFAULT_NOW } from './in-memory';

/*
 * Valid rows with sensible defaults; a test names only what its sentence is
 * about: `buildPerson({ roles: ['curator'] })`, `buildInsight({ reporterId })`.
 */

const at = () => new Date(DEFAULT_NOW);
const short = (id: string) => id.slice(0, 8);

export function buildTeam(overrides: Partial<Team> = {}): Team {
  const id = overrides.id ?? randomId();
  return { id, name: `Team ${short(id)}`, slug: `team-${short(id)}`, ...overrides };
}

export function buildPerson(overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? randomId();
  return {
    id,
    email: `person-${short(id)}@example.com`,
    name: `Person ${short(id)}`,
    teamId: null,
    roles: ['frontline'],
    chat: {},
    createdAt: at(),
    ...overrides,
  };
}

export function buildGoal(overrides: Partial<Omit<Goal, 'kpi'>> & { kpi?: Partial<Kpi> } = {}): Goal {
  const { kpi, ...rest } = overrides;
  return {
    id: randomId(),
    title: 'Halve churn in the SMB segment',
    why: 'Small accounts leave after their first invoice.',
    kpi: {
      name: 'Monthly churn',
      unit: '%',
      baseline: 8,
      target: 4,
      current: null,
      dueDate: '2026-09-30',
      ...kpi,
    },
    status: 'active',
    ownerId: randomId(),
    mandate: { statement: 'May change onboarding and billing communication.', teamIds: [] },
    createdBy: randomId(),
    createdAt: at(),
    ...rest,
  };
}

export function buildInsight(overrides: Partial<Insight> = {}): Insight {
  const createdAt = overrides.createdAt ?? at();
  return {
    id: randomId(),
    title: 'Acme cannot find the export button',
    body: 'Acme cannot find the export button and exports by hand every Friday.',
    kind: 'pain',
    sentiment: 'negative',
    source: { kind: 'web', url: null, externalId: null },
    reporterId: randomId(),
    customerIds: [],
    tags: [],
    goals: [],
    visibility: { scope: 'everyone' },
    attachments: [],
    triage: 'new',
    story: null,
    evidenceCount: 0,
    reactionCount: 0,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function buildCustomer(overrides: Partial<Customer> = {}): Customer {
  const id = overrides.id ?? randomId();
  return {
    id,
    name: `Customer ${short(id)}`,
    kind: 'account',
    segment: 'smb',
    value: 12_000,
    identifiers: [{ system: 'crm', value: `C-${short(id)}` }],
    ...overrides,
  };
}

export function buildAction(overrides: Partial<Action> = {}): Action {
  const createdAt = overrides.createdAt ?? at();
  return {
    id: randomId(),
    goalId: randomId(),
    title: 'Call the five SMB accounts that churned last month',
    assigneeId: randomId(),
    assignedBy: randomId(),
    dueDate: null,
    status: 'open',
    citedInsightIds: [],
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}
