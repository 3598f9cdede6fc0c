import { createDeps, type Database, seedDemo } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import {
  assignAction,
  editInsight,
  linkInsightToGoal,
  type Person,
  postInsight,
  readScopeFor,
  recordEvaluation,
  type SearchIndex,
} from '@heard/domain';
import { createPostgresSearchIndex } from '@heard/search';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from './worker';
import { startWorker } from './worker';

const database = useTestDatabase();
let runner: Worker;
let index: SearchIndex;
let deps: ReturnType<typeof createDeps>;
let people: Map<string, Person>;

const person = (email: string) => people.get(email)!;

async function notificationsFor(email: string) {
  return database.sql()`select n.kind, n.text, n.link from notifications n join people p on p.id = n.person_id
                        where p.email = ${email} order by n.created_at`;
}

/** Jobs this worker runs; chat and digest jobs wait for workers that have those integrations. */
const inAppJobsLeft = () =>
  database.sql()`select count(*)::int as n from graphile_worker.jobs
                 where task_identifier in ('domain-event', 'notify-in-app', 'index-insight')`;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  const sql = database.sql();
  await seedDemo(sql, { insights: 10 });
  deps = createDeps(sql);
  people = new Map((await deps.people.list()).map((p) => [p.email, p]));
  const db: Database = { url: database.url(), sql, close: async () => {} };
  index = createPostgresSearchIndex(sql);
  await index.prepare();
  runner = await startWorker(db, pino({ level: 'silent' }), { searchIndexes: [index] });
});

afterAll(async () => {
  await runner?.stop();
});

describe('the job worker draining the outbox', () => {
  it('tells the people named on a restricted insight that it was shared with them, once', async () => {
    const { insight } = await postInsight(deps, {
      actor: person('sam.carter@example.com'),
      body: 'Kestrel Freight is evaluating a competitor; please keep this between us.',
      kind: 'churn_risk',
      sentiment: 'negative',
      source: { kind: 'web' },
      visibility: { scope: 'people', personIds: [person('hannah.weiss@example.com').id] },
    });
    const notices = await eventually(
      () => notificationsFor('hannah.weiss@example.com'),
      (rows) => rows.length > 0,
    );
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'insight.shared_with_you',
        link: `/insights/${insight.id}`,
        text: expect.stringContaining('Sam Carter shared an insight with you'),
      }),
    ]);

    // The same event delivered again (a retried fan-out) adds nothing.
    await database.sql()`select graphile_worker.add_job('domain-event', ${{ type: 'insight.posted', insightId: insight.id } as never}::json)`;
    await eventually(inAppJobsLeft, (rows) => rows[0]!.n === 0);
    expect(await notificationsFor('hannah.weiss@example.com')).toHaveLength(1);
  });

  it('tells a goal owner when someone links an insight to their goal', async () => {
    const goal = (await deps.goals.list()).find((g) => g.title === 'Halve billing complaints by Q3')!;
    const { insight } = await postInsight(deps, {
      actor: person('chloe.dubois@example.com'),
      body: 'Bluebird Bakery cannot find the VAT line on the invoice.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
    });
    await linkInsightToGoal(deps, {
      actor: person('lea.moreau@example.com'),
      insightId: insight.id,
      goalId: goal.id,
      rationale: 'Invoice confusion',
    });
    const notices = await eventually(
      () => notificationsFor('priya.raman@example.com'),
      (rows) => rows.some((r) => r.kind === 'goal.insight_linked'),
    );
    expect(notices.find((n) => n.kind === 'goal.insight_linked')?.text).toContain(
      'Bluebird Bakery cannot find the VAT line',
    );
  });

  it('does not tell a goal owner the title of a restricted insight they may not read', async () => {
    const goal = (await deps.goals.list()).find((g) => g.title === 'Halve billing complaints by Q3')!;
    const { insight } = await postInsight(deps, {
      actor: person('chloe.dubois@example.com'),
      body: 'Orchid Dental asked us privately about a refund for the double charge.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
      visibility: { scope: 'people', personIds: [person('lea.moreau@example.com').id] },
    });
    await linkInsightToGoal(deps, {
      actor: person('lea.moreau@example.com'),
      insightId: insight.id,
      goalId: goal.id,
      rationale: 'Double charge',
    });
    await eventually(inAppJobsLeft, (rows) => rows[0]!.n === 0);
    const texts = (await notificationsFor('priya.raman@example.com')).map((n) => n.text);
    expect(texts.some((t) => t.includes('Orchid Dental'))).toBe(false);
    // The reader inside the audience still hears of it.
    expect((await notificationsFor('lea.moreau@example.com')).map((n) => n.text)).toContainEqual(
      expect.stringContaining('Orchid Dental'),
    );
  });

  it('closes the loop: the assignee hears of the action, the reporter of its evaluation', async () => {
    const owner = person('priya.raman@example.com');
    const goal = (await deps.goals.list()).find((g) => g.ownerId === owner.id)!;
    const assignee = (await deps.people.list()).find(
      (p) => p.teamId === goal.mandate.teamIds[0] && p.id !== owner.id,
    )!;
    const { insight } = await postInsight(deps, {
      actor: person('sam.carter@example.com'),
      body: 'Riverbend Legal was charged twice after a mid-month upgrade.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
    });
    const action = await assignAction(deps, {
      actor: owner,
      goalId: goal.id,
      assigneeId: assignee.id,
      title: 'Fix proration double charge',
      citedInsightIds: [insight.id],
    });
    await recordEvaluation(deps, {
      actor: owner,
      subject: { kind: 'action', actionId: action.id },
      result: 'better',
      note: 'No double charges since the fix.',
    });
    const toAssignee = await eventually(
      () => notificationsFor(assignee.email),
      (rows) => rows.some((r) => r.kind === 'action.assigned'),
    );
    expect(toAssignee.find((n) => n.kind === 'action.assigned')?.text).toContain(
      'Fix proration double charge',
    );
    const toReporter = await eventually(
      () => notificationsFor('sam.carter@example.com'),
      (rows) => rows.some((r) => r.kind === 'evaluation.recorded'),
    );
    expect(toReporter.some((n) => n.kind === 'evaluation.recorded')).toBe(true);
  });

  it('sends nothing for a write that was rolled back', async () => {
    const before = await database.sql()`select count(*)::int as n from notifications`;
    await expect(
      deps.transaction(async (tx) => {
        await tx.outbox.publish({
          type: 'evaluation.recorded',
          evaluationId: 'x',
          notifyPersonIds: [person('sam.carter@example.com').id],
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await database.sql()`select count(*)::int as n from notifications`).toEqual(before);
  });

  it('makes a posted insight findable within seconds, and a re-permissioned one only for its new audience', async () => {
    const sam = person('sam.carter@example.com');
    const chloe = person('chloe.dubois@example.com');
    const { insight } = await postInsight(deps, {
      actor: sam,
      body: 'Quokka Robotics wants zebra-striped exports for their auditors.',
      kind: 'request',
      sentiment: 'neutral',
      source: { kind: 'web' },
    });
    const find = (who: Person) => index.search({ text: 'zebra striped', scope: readScopeFor(who) });
    const found = await eventually(
      () => find(chloe),
      (r) => r.hits.length > 0,
    );
    expect(found.hits.map((h) => h.id)).toEqual([insight.id]);

    await editInsight(deps, {
      actor: sam,
      insightId: insight.id,
      visibility: { scope: 'people', personIds: [sam.id] },
    });
    const hidden = await eventually(
      () => find(chloe),
      (r) => r.hits.length === 0,
    );
    expect(hidden.hits).toEqual([]);
    expect((await find(sam)).hits.map((h) => h.id)).toEqual([insight.id]);
  });

  it('retries at start the job a crashed worker had locked', async () => {
    const sam = person('sam.carter@example.com');
    await runner.stop();
    const { insight } = await postInsight(deps, {
      actor: sam,
      body: 'Narwhal Logistics lost a day of data in the nightly sync.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
      visibility: { scope: 'people', personIds: [person('tomas.okafor@example.com').id] },
    });
    // A worker that died twenty minutes ago holding this job.
    const locked = await database.sql()`
      update graphile_worker._private_jobs set locked_by = 'worker-that-died', locked_at = now() - interval '20 minutes'
      where payload->>'insightId' = ${insight.id} and locked_by is null returning id`;
    expect(locked).toHaveLength(1);
    runner = await startWorker(
      { url: database.url(), sql: database.sql(), close: async () => {} },
      pino({ level: 'silent' }),
      { searchIndexes: [index] },
    );
    const notices = await eventually(
      () => notificationsFor('tomas.okafor@example.com'),
      (rows) => rows.some((r) => r.text.includes('Narwhal')),
    );
    expect(notices.some((n) => n.text.includes('Narwhal Logistics'))).toBe(true);
  });
});
