import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ACTION_STATUSES, ROLES, SOURCE_KINDS } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSessionStore } from '../auth/session-store';
import { createGoalRepository } from '../repositories/goal.repository';
import { useTestDatabase } from '../testing';
import { DEMO_PASSWORD } from './organisation';
import { demoSignIns, type SeedResult, seedDemo } from './seed';

const first = useTestDatabase();
const twin = useTestDatabase();
const large = useTestDatabase();
const told = useTestDatabase();
const NOW = new Date('2026-01-15T09:00:00.000Z');
const DAY = 86_400_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let result: SeedResult;
beforeAll(async () => {
  result = await seedDemo(first.sql(), { now: NOW });
});

const count = async (sql: ReturnType<typeof first.sql>, query: string) =>
  Number((await sql.unsafe(`select count(*)::int as n from ${query}`))[0]?.n);

describe('seedDemo', () => {
  it('reports what it seeded', () => {
    expect(result).toEqual({
      seeded: true,
      people: 40,
      customers: 150,
      insights: 400,
      signIns: demoSignIns(),
    });
  });

  it('seeds 6 teams and 40 people covering every role, each able to sign in', async () => {
    const sql = first.sql();
    expect(await count(sql, 'teams')).toBe(6);
    expect(await count(sql, 'people')).toBe(40);
    expect(await count(sql, 'people where team_id is null or password_hash is null')).toBe(0);
    const [roles] = await sql`select array_agg(distinct r order by r) as roles from people, unnest(roles) r`;
    expect(roles?.roles).toEqual([...ROLES].sort());
    const signIn = demoSignIns()[0]!;
    const session = await createSessionStore(sql).signIn(signIn.email, DEMO_PASSWORD);
    expect(session?.person.name).toBe(signIn.name);
  });

  it('seeds 5 goals, each with an owner, a leader who set it, mandate teams and a KPI', async () => {
    const sql = first.sql();
    const goals = await createGoalRepository(sql).list();
    expect(goals).toHaveLength(5);
    const people = new Map((await sql`select id, roles from people`).map((p) => [p.id, p.roles as string[]]));
    const teams = new Set((await sql`select id from teams`).map((t) => t.id as string));
    for (const goal of goals) {
      expect(people.get(goal.ownerId), goal.title).toContain('owner');
      expect(people.get(goal.createdBy), goal.title).toContain('leader');
      expect(goal.mandate.teamIds.length, goal.title).toBeGreaterThan(0);
      for (const teamId of goal.mandate.teamIds) expect(teams.has(teamId), goal.title).toBe(true);
      expect(goal.mandate.statement).not.toBe('');
      expect(goal.kpi).toMatchObject({
        name: expect.any(String),
        baseline: expect.any(Number),
        current: expect.any(Number),
      });
      expect(goal.kpi.target).not.toBe(goal.kpi.baseline);
      expect(goal.kpi.dueDate > NOW.toISOString().slice(0, 10)).toBe(true);
    }
  });

  it('seeds about 400 insights from every source, kind and visibility, all within the last 90 days', async () => {
    const sql = first.sql();
    expect(await count(sql, 'insights')).toBe(400);
    const distinct = async (column: string) =>
      (await sql.unsafe(`select distinct ${column} as v from insights order by 1`)).map((r) => r.v);
    expect(await distinct('source_kind')).toEqual([...SOURCE_KINDS].sort());
    expect(await distinct('visibility_scope')).toEqual(['everyone', 'people', 'team']);
    expect(await distinct('triage')).toEqual(['archived', 'new', 'triaged']);
    expect((await distinct('kind')).length).toBeGreaterThanOrEqual(5);
    const [span] = await sql`select min(created_at) as oldest, max(created_at) as newest from insights`;
    expect(span?.oldest.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 90 * DAY);
    expect(span?.newest.getTime()).toBeLessThan(NOW.getTime());
    expect(
      await count(
        sql,
        'insights i where not exists (select 1 from insight_customers c where c.insight_id = i.id)',
      ),
    ).toBe(0);
    expect(await count(sql, 'insight_goals')).toBeGreaterThan(50);
  });

  it('seeds reactions and evidence that match the counts on their insights and follow them in time', async () => {
    const sql = first.sql();
    expect(await count(sql, 'reactions')).toBeGreaterThan(400);
    expect(await count(sql, 'evidence')).toBeGreaterThan(50);
    const mismatched = `insights i where i.reaction_count <> (select count(*) from reactions r where r.insight_id = i.id)
      or i.evidence_count <> (select count(*) from evidence e where e.insight_id = i.id)`;
    expect(await count(sql, mismatched)).toBe(0);
    for (const table of ['reactions', 'evidence']) {
      const outOfTime = `${table} x join insights i on i.id = x.insight_id
        where x.created_at < i.created_at or x.created_at > '${NOW.toISOString()}'`;
      expect(await count(sql, outOfTime), table).toBe(0);
    }
  });

  it('seeds actions in every status, evaluations of the finished ones, and the notifications they cause', async () => {
    const sql = first.sql();
    const statuses = (await sql`select distinct status from actions order by 1`).map((r) => r.status);
    expect(statuses).toEqual([...ACTION_STATUSES].sort());
    const done = await count(sql, "actions where status = 'done'");
    expect(await count(sql, 'evaluations')).toBe(done);
    expect(
      await count(sql, "evaluations e join actions a on a.id = e.action_id where a.status <> 'done'"),
    ).toBe(0);
    expect(await count(sql, `evaluations where evaluated_at > '${NOW.toISOString()}'`)).toBe(0);
    const citesLater =
      'actions a join insights i on i.id = any(a.cited_insight_ids) where i.created_at > a.created_at';
    expect(await count(sql, citesLater), 'actions citing insights posted after them').toBe(0);
    expect(await count(sql, 'notifications')).toBeGreaterThan(0);
  });

  it('seeds 3 published stories, told after their insight was posted, and a collection of them', async () => {
    const sql = first.sql();
    const stories = await sql`select s.status, s.published_at, i.created_at, i.visibility_scope
                              from stories s join insights i on i.id = s.insight_id`;
    const published = stories.filter((s) => s.status === 'published');
    expect(published).toHaveLength(3);
    for (const story of published) {
      expect(story.visibility_scope).toBe('everyone');
      expect(story.published_at.getTime()).toBeGreaterThan(story.created_at.getTime());
      expect(story.published_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    const items = await sql`select c.title, ci.insight_id, s.status from collections c
      join collection_items ci on ci.collection_id = c.id join stories s on s.insight_id = ci.insight_id`;
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['published']));
  });

  it('changes nothing when the database already has people', async () => {
    const sql = first.sql();
    const tables = [
      'teams',
      'people',
      'customers',
      'goals',
      'insights',
      'reactions',
      'evidence',
      'actions',
      'evaluations',
      'stories',
      'collections',
      'notifications',
      'audit_events',
    ];
    const before = await Promise.all(tables.map((t) => count(sql, t)));
    const again = await seedDemo(sql, { now: NOW, insights: 10 });
    expect(again).toEqual({ seeded: false, reason: expect.stringContaining('already has people') });
    expect(await Promise.all(tables.map((t) => count(sql, t)))).toEqual(before);
  });

  it('writes the same organisation from the same seed into another database', async () => {
    expect((await seedDemo(twin.sql(), { now: NOW })).seeded).toBe(true);
    const fingerprint = async (sql: ReturnType<typeof first.sql>) => ({
      insights: await sql`select id, title, reporter_id, created_at from insights order by id`,
      people: await sql`select id, email, roles from people order by id`,
      goals: await sql`select id, title, owner_id from goals order by id`,
      actions: await sql`select id, status, cited_insight_ids from actions order by id`,
    });
    const [a, b] = [await fingerprint(first.sql()), await fingerprint(twin.sql())];
    expect(a.insights).toHaveLength(400);
    expect(b).toEqual(a);
  });

  it('tells the insights in the texts it is given, in turn, keeping the rest of the organisation', async () => {
    const texts = [
      { title: 'Love this dress', body: 'The fabric is soft and the fit is true to size.' },
      { title: '', body: 'Runs small; order a size up.' },
      { title: 'x'.repeat(300), body: 'Long titles are cut to a headline.' },
    ];
    expect((await seedDemo(told.sql(), { now: NOW, insights: 30, texts })).seeded).toBe(true);
    const rows = await told.sql()`select title, body from insights order by created_at, id`;
    expect(rows).toHaveLength(30);
    expect(rows.slice(0, 3).map((r) => [r.title, r.body])).toEqual([
      ['Love this dress', texts[0]!.body],
      ['Runs small; order a size up.', texts[1]!.body],
      ['x'.repeat(140), texts[2]!.body],
    ]);
    expect(new Set(rows.map((r) => r.body))).toEqual(new Set(texts.map((t) => t.body)));
    expect(await count(told.sql(), "stories where status = 'published'")).toBeGreaterThan(0);
  });

  it('seeds 5000 insights through `pnpm seed --insights 5000`', async () => {
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const { stdout } = await promisify(execFile)(tsx, ['packages/db/src/seed/cli.ts', '--insights', '5000'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: large.url(), LOG_LEVEL: 'warn' },
      timeout: 110_000,
    });
    expect(stdout).toMatch(/Seeded 40 people, 250 customers, 5000 insights in/);
    expect(stdout).toContain('5000/5000');
    const sql = large.sql();
    expect(await count(sql, 'insights')).toBe(5000);
    expect(await count(sql, 'customers')).toBe(250);
    expect(await count(sql, 'insight_customers')).toBe(5000);
    expect(await count(sql, "stories where status = 'published'")).toBe(3);
  }, 120_000);
});
