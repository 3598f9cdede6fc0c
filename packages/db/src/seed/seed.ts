import { hash } from '@node-rs/argon2';
import type postgres from 'postgres';
import { generateInsights, type SeedInsight } from './insights';
import { DEMO_PASSWORD, GOALS, KEY_PEOPLE } from './organisation';
import {
  emailFor,
  generateCustomers,
  generatePeople,
  type SeedPerson,
  teamRows,
} from './people-and-customers';
import { SeededRandom } from './random';
import { seedWork } from './work';

export interface SeedOptions {
  insights?: number;
  customers?: number;
  seed?: number;
  now?: Date;
  /** Called as batches land, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export type SeedResult =
  | { seeded: false; reason: string }
  | { seeded: true; people: number; customers: number; insights: number; signIns: DemoSignIn[] };

export interface DemoSignIn {
  name: string;
  email: string;
  role: string;
}

const BATCH = 2000;

/** The people printed at start, with what each of them does. */
export function demoSignIns(): DemoSignIn[] {
  return KEY_PEOPLE.map((p) => ({ name: p.name, email: emailFor(p.name), role: p.role ?? '' }));
}

/**
 * Seeds the demo organisation unless the database already holds people.
 * Deterministic: the same seed writes the same organisation.
 */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export async function seedDemo(sql: postgres.Sql<{}>, options: SeedOptions = {}): Promise<SeedResult> {
  const [{ count } = { count: 0 }] = await sql`select count(*)::int as count from people`;
  if (Number(count) > 0)
    return { seeded: false, reason: 'the database already has people; nothing was changed' };
  const rnd = new SeededRandom(options.seed ?? 1);
  const now = options.now ?? new Date();
  const insightCount = options.insights ?? 400;
  const people = generatePeople(rnd);
  const customers = generateCustomers(rnd, options.customers ?? Math.max(150, Math.round(insightCount / 20)));
  const insights = generateInsights(rnd, insightCount, people, customers, now);
  const passwordHash = await hash(DEMO_PASSWORD);

  await sql.begin(async (tx) => {
    const teams = teamRows(rnd);
    await tx`insert into teams ${tx(teams)}`;
    const teamId = new Map(teams.map((t) => [t.slug, t.id]));
    await tx`insert into people ${tx(
      people.map((p) => ({
        id: p.id,
        email: p.email,
        name: p.name,
        team_id: teamId.get(p.team)!,
        roles: p.roles,
        password_hash: passwordHash,
      })),
    )}`;
    await tx`insert into customers ${tx(customers.map((c) => ({ id: c.id, name: c.name, kind: 'account', segment: c.segment, value: c.value })))}`;
    const identifiers = customers.flatMap((c) => c.identifiers.map((i) => ({ customer_id: c.id, ...i })));
    for (let i = 0; i < identifiers.length; i += BATCH)
      await tx`insert into customer_identifiers ${tx(identifiers.slice(i, i + BATCH))}`;
    const goalIds = await insertGoals(tx, rnd, people, teamId, now);
    await insertInsights(tx, insights, teamId, goalIds, options.onProgress);
    await seedWork(tx, rnd, { people, teamId, goalIds, insights, now });
    await tx`insert into audit_events (actor_id, action, subject_type, subject_id, details)
             values (null, 'demo.seeded', 'organisation', 'demo', ${tx.json({ insights: insightCount })})`;
  });
  return {
    seeded: true,
    people: people.length,
    customers: customers.length,
    insights: insightCount,
    signIns: demoSignIns(),
  };
}

async function insertGoals(
  tx: postgres.TransactionSql,
  rnd: SeededRandom,
  people: SeedPerson[],
  teamId: Map<string, string>,
  now: Date,
): Promise<string[]> {
  const byName = new Map(people.map((p) => [p.name, p]));
  const leader = people.find((p) => p.roles.includes('leader'))!;
  const rows = GOALS.map((g) => ({
    id: rnd.uuid(),
    title: g.title,
    why: g.why,
    kpi_name: g.kpi.name,
    kpi_unit: g.kpi.unit,
    kpi_baseline: g.kpi.baseline,
    kpi_target: g.kpi.target,
    kpi_current: g.kpi.current,
    kpi_due_date: new Date(now.getTime() + g.kpi.dueInDays * 86_400_000).toISOString().slice(0, 10),
    owner_id: byName.get(g.owner)!.id,
    mandate_statement: g.mandate.statement,
    mandate_team_ids: `{${g.mandate.teams.map((t) => teamId.get(t)).join(',')}}`,
    created_by: leader.id,
    created_at: new Date(now.getTime() - 120 * 86_400_000),
  }));
  await tx`insert into goals ${tx(rows)}`;
  return rows.map((r) => r.id);
}

async function insertInsights(
  tx: postgres.TransactionSql,
  insights: SeedInsight[],
  teamId: Map<string, string>,
  goalIds: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  for (let i = 0; i < insights.length; i += BATCH) {
    const batch = insights.slice(i, i + BATCH);
    const rows = batch.map(({ row }) => {
      const { visibility_team_slug, visibility_person_ids, ...rest } = row;
      return {
        ...rest,
        visibility_team_id: visibility_team_slug ? teamId.get(visibility_team_slug as string)! : null,
        visibility_person_ids: `{${(visibility_person_ids as string[]).join(',')}}`,
      };
    });
    await tx`insert into insights ${tx(rows as never)}`;
    const links = batch.flatMap((s) =>
      s.customerIds.map((customer_id) => ({ insight_id: s.row.id, customer_id })),
    );
    await tx`insert into insight_customers ${tx(links as never)}`;
    await tx`update insights i set customer_value = coalesce(c.value, 0)
             from insight_customers ic join customers c on c.id = ic.customer_id
             where ic.insight_id = i.id and i.id = any(${batch.map((b) => b.row.id as string)}::uuid[])`;
    const goalLinks = batch
      .filter((s) => s.goalIndex !== null)
      .map((s) => ({
        insight_id: s.row.id,
        goal_id: goalIds[s.goalIndex!],
        linked_by: s.row.reporter_id,
        linked_at: s.row.created_at,
      }));
    if (goalLinks.length > 0) await tx`insert into insight_goals ${tx(goalLinks as never)}`;
    const reactions = batch.flatMap((s) => s.reactions.map((r) => ({ insight_id: s.row.id, ...r })));
    for (let j = 0; j < reactions.length; j += BATCH)
      await tx`insert into reactions ${tx(reactions.slice(j, j + BATCH) as never)}`;
    const evidence = batch.flatMap((s) => s.evidence.map((e) => ({ insight_id: s.row.id, ...e })));
    for (let j = 0; j < evidence.length; j += BATCH)
      await tx`insert into evidence ${tx(evidence.slice(j, j + BATCH) as never)}`;
    onProgress?.(Math.min(i + BATCH, insights.length), insights.length);
  }
}
