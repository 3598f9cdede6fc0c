// Rows with sensible defaults, written to a real database: a test names only
// what its sentence is about, e.g. `buildPerson(sql, { roles: ['curator'] })`.
// Goals and insights go through their repositories' `create`, so the rows are
// exactly what the application would write.
import { randomUUID } from 'node:crypto';
import type {
  Customer,
  DomainEvent,
  Goal,
  GoalStatus,
  Insight,
  Kpi,
  NewGoal,
  NewInsight,
  Person,
  Team,
} from '@heard/domain';
import { hash } from '@node-rs/argon2';
import { createCustomerRepository } from '../repositories/customer.repository';
import type { Db } from '../repositories/db';
import { createGoalRepository } from '../repositories/goal.repository';
import { createInsightRepository } from '../repositories/insight.repository';
import { createPersonRepository } from '../repositories/person.repository';

const short = () => randomUUID().slice(0, 8);

/** A team with a unique slug. */
export async function buildTeam(sql: Db, overrides: Partial<Team> = {}): Promise<Team> {
  const tag = short();
  const row = { name: `Team ${tag}`, slug: `team-${tag}`, ...overrides };
  const [team] = await sql`insert into teams ${sql(row)} returning id, name, slug`;
  return { id: team!.id as string, name: team!.name as string, slug: team!.slug as string };
}

export type PersonOverrides = Partial<Omit<Person, 'createdAt'>> & {
  /** Hashed with argon2 so the person can sign in; without it they cannot. */
  password?: string;
};

/** A frontline person without a team, unless told otherwise. */
export async function buildPerson(sql: Db, overrides: PersonOverrides = {}): Promise<Person> {
  const { password, chat, ...rest } = overrides;
  const tag = short();
  const row = {
    email: `person-${tag}@example.com`,
    name: `Person ${tag}`,
    team_id: rest.teamId ?? null,
    roles: rest.roles ?? ['frontline'],
    slack_user_id: chat?.slackUserId ?? null,
    teams_aad_object_id: chat?.teamsAadObjectId ?? null,
    password_hash: password === undefined ? null : await hash(password),
    ...(rest.id ? { id: rest.id } : {}),
    ...(rest.email ? { email: rest.email } : {}),
    ...(rest.name ? { name: rest.name } : {}),
  };
  const [inserted] = await sql`insert into people ${sql(row as never)} returning id`;
  return (await createPersonRepository(sql).findById(inserted!.id as string))!;
}

/** An SMB account known to the CRM by one identifier, unless told otherwise. */
export async function buildCustomer(sql: Db, overrides: Partial<Customer> = {}): Promise<Customer> {
  const tag = short();
  const { identifiers = [{ system: 'crm', value: `C-${tag}` }], ...rest } = overrides;
  const row = {
    name: `Customer ${tag}`,
    kind: 'account',
    segment: 'SMB',
    value: 12_000,
    ...rest,
  };
  const [inserted] = await sql`insert into customers ${sql(row as never)} returning id`;
  const id = inserted!.id as string;
  for (const identifier of identifiers) {
    await sql`insert into customer_identifiers (customer_id, system, value)
              values (${id}, ${identifier.system}, ${identifier.value})`;
  }
  return (await createCustomerRepository(sql).findById(id))!;
}

export type GoalOverrides = Partial<Omit<NewGoal, 'kpi'>> & { kpi?: Partial<Kpi>; status?: GoalStatus };

/** An active goal with a fresh owner and leader, unless told otherwise. */
export async function buildGoal(sql: Db, overrides: GoalOverrides = {}): Promise<Goal> {
  const { kpi, status, ...rest } = overrides;
  const ownerId = rest.ownerId ?? (await buildPerson(sql, { roles: ['owner'] })).id;
  const createdBy = rest.createdBy ?? (await buildPerson(sql, { roles: ['leader'] })).id;
  const goals = createGoalRepository(sql);
  const goal = await goals.create({
    title: `Halve churn ${short()}`,
    why: 'Small accounts leave after their first invoice.',
    mandate: { statement: 'May change onboarding and billing communication.', teamIds: [] },
    createdAt: new Date(),
    ...rest,
    ownerId,
    createdBy,
    kpi: {
      name: 'Monthly churn',
      unit: '%',
      baseline: 8,
      target: 4,
      current: null,
      dueDate: '2026-09-30',
      ...kpi,
    },
  });
  if (!status || status === 'active') return goal;
  await sql`update goals set status = ${status} where id = ${goal.id}`;
  return (await goals.findById(goal.id))!;
}

/** A pain heard on the web, readable by everyone, posted now by a fresh person, unless told otherwise. */
export async function buildInsight(sql: Db, overrides: Partial<NewInsight> = {}): Promise<Insight> {
  const reporterId = overrides.reporterId ?? (await buildPerson(sql)).id;
  return createInsightRepository(sql).create({
    title: 'Acme cannot find the export button',
    body: 'Acme cannot find the export button and exports by hand every Friday.',
    kind: 'pain',
    sentiment: 'negative',
    source: { kind: 'web', url: null, externalId: null },
    customerIds: [],
    tags: [],
    goals: [],
    visibility: { scope: 'everyone' },
    attachments: [],
    createdAt: new Date(),
    ...overrides,
    reporterId,
  });
}

/** Jobs waiting in graphile-worker's queue, oldest first (the public view has no payload, so join it in). */
export async function queuedJobs(sql: Db): Promise<{ task: string; payload: DomainEvent }[]> {
  const rows = await sql`
    select j.task_identifier, p.payload
    from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
    order by j.id`;
  return rows.map((r) => ({ task: r.task_identifier as string, payload: r.payload as DomainEvent }));
}
