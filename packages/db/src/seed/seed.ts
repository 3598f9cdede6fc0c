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
  /**
   * Real texts to tell the insights in, taken in turn, instead of generated ones (benchmarks
   * search real vocabulary this way). Everything else about each insight stays as generated.
   */
  texts?: readonly { title: string; body: string }[];
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

/** Insights per round trip; their reactions and evidence go with them in the same round. */
const BATCH = 3000;
/** Rows per insert for the smaller tables (postgres.js sends one parameter per value, at most 65,535). */
const ROWS = 5000;

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
  // Teams, goals and work draw from the generator after every insight, so the same seed keeps
  // writing the same organisation: run through the insights once without keeping them, then
  // generate them again from here while they are written (about 8 s for a million).
  options.onProgress?.(0, insightCount);
  const insightsFrom = rnd.clone();
  for (const _ of generateInsights(rnd, insightCount, people, customers, now));
  const insights = withTexts(
    generateInsights(insightsFrom, insightCount, people, customers, now),
    options.texts?.filter((t) => t.body.trim() !== '') ?? [],
  );
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
    const customerRows = customers.map((c) => ({
      id: c.id,
      name: c.name,
      kind: 'account',
      segment: c.segment,
      value: c.value,
    }));
    for (let i = 0; i < customerRows.length; i += ROWS)
      await tx`insert into customers ${tx(customerRows.slice(i, i + ROWS))}`;
    const identifiers = customers.flatMap((c) => c.identifiers.map((i) => ({ customer_id: c.id, ...i })));
    for (let i = 0; i < identifiers.length; i += ROWS)
      await tx`insert into customer_identifiers ${tx(identifiers.slice(i, i + ROWS))}`;
    const goalIds = await insertGoals(tx, rnd, people, teamId, now);
    await insertInsights(tx, insights, insightCount, teamId, goalIds, options.onProgress);
    await seedWork(tx, rnd, { people, teamId, goalIds, now });
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

/** Each insight told in the next of `texts`, when there are any; a title longer than a headline is cut. */
function* withTexts(insights: Iterable<SeedInsight>, texts: readonly { title: string; body: string }[]) {
  let n = 0;
  for (const insight of insights) {
    const text = texts[n++ % texts.length];
    if (text) {
      const title = (text.title.trim() || text.body.trim()).slice(0, 140);
      insight.row.title = title;
      insight.row.body = text.body.slice(0, 20_000);
    }
    yield insight;
  }
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

/**
 * Writes the insights as they are generated, a batch at a time, holding at most two batches.
 * The next batch is generated while the database writes the last one, so both cores have work.
 */
async function insertInsights(
  tx: postgres.TransactionSql,
  insights: Iterable<SeedInsight>,
  total: number,
  teamId: Map<string, string>,
  goalIds: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  let done = 0;
  const write = async (batch: SeedInsight[]) => {
    await writing;
    writing = insertBatch(tx, batch, teamId, goalIds).then(() => {
      done += batch.length;
      onProgress?.(done, total);
    });
    // Seen when awaited; until then a failed write must not count as unhandled.
    writing.catch(() => {});
    // Let the queries go out before the (synchronous) generation of the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  };
  let batch: SeedInsight[] = [];
  for (const insight of insights) {
    batch.push(insight);
    if (batch.length === BATCH) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  await writing;
}

/** One batch's rows, sent in a single pipeline: the queries do not wait for each other's answers. */
async function insertBatch(
  tx: postgres.TransactionSql,
  batch: SeedInsight[],
  teamId: Map<string, string>,
  goalIds: string[],
): Promise<void> {
  const rows = batch.map(({ row }) => {
    const { visibility_team_slug, visibility_person_ids, ...rest } = row;
    return {
      ...rest,
      visibility_team_id: visibility_team_slug ? teamId.get(visibility_team_slug as string)! : null,
      visibility_person_ids: `{${(visibility_person_ids as string[]).join(',')}}`,
    };
  });
  const goalLinks = batch
    .filter((s) => s.goalIndex !== null)
    .map((s) => ({
      insight_id: s.row.id,
      goal_id: goalIds[s.goalIndex!],
      linked_by: s.row.reporter_id,
      linked_at: s.row.created_at,
    }));
  await Promise.all([
    tx`insert into insights ${tx(rows as never)}`,
    ...insertRows(
      tx,
      'insight_customers',
      batch.flatMap((s) => s.customerIds.map((customer_id) => ({ insight_id: s.row.id, customer_id }))),
    ),
    ...insertRows(tx, 'insight_goals', goalLinks),
    ...insertRows(
      tx,
      'reactions',
      batch.flatMap((s) => s.reactions.map((r) => ({ insight_id: s.row.id, ...r }))),
    ),
    ...insertRows(
      tx,
      'evidence',
      batch.flatMap((s) => s.evidence.map((e) => ({ insight_id: s.row.id, ...e }))),
    ),
  ]);
}

function insertRows(tx: postgres.TransactionSql, table: string, rows: Record<string, unknown>[]) {
  const queries = [];
  for (let i = 0; i < rows.length; i += ROWS)
    queries.push(tx`insert into ${tx(table)} ${tx(rows.slice(i, i + ROWS) as never)}`);
  return queries;
}
