import { startWorker, type Worker } from '@heard/bot';
import { buildDigest, type Database, DIGEST_BUILD_TASK, queueDueDigests } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightThisWeek, organisation, subscribe, WEEK, weeklyMonday } from './fixtures';

const database = useTestDatabase();
const workers: Worker[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 200 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

let org: Awaited<ReturnType<typeof organisation>>;

beforeAll(async () => {
  const sql = database.sql();
  org = await organisation(sql);
  await insightThisWeek(sql, { title: 'Invoices arrive twice', tags: ['billing'] });
});

describe('each (subscription, period) is built exactly once', () => {
  it('by two workers racing through the same due digests', async () => {
    const sql = database.sql();
    const subscriptions = await Promise.all(
      Array.from({ length: 12 }, () => subscribe(sql, org.supportLead.id, weeklyMonday())),
    );
    const db: Database = { url: database.url(), sql, close: async () => {} };
    const tasks = {
      [DIGEST_BUILD_TASK]: async (payload: unknown) => {
        await buildDigest(sql, payload as never);
      },
    };
    // Two workers, each ticking twice at once: the builds are queued and run by whoever is free.
    for (let i = 0; i < 2; i++) {
      workers.push(
        await startWorker(db, pino({ level: 'silent' }), { searchIndexes: [], tasks, concurrency: 4 }),
      );
    }
    await Promise.all([
      queueDueDigests(sql, WEEK.tick),
      queueDueDigests(sql, WEEK.tick),
      queueDueDigests(sql, WEEK.tick),
    ]);
    const rows = await eventually(
      () =>
        sql`select subscription_id, period_end, status from digests where subscription_id = any(${subscriptions.map((s) => s.id)}::uuid[])`,
      (r) => r.length >= subscriptions.length,
    );
    await eventually(
      () =>
        sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${DIGEST_BUILD_TASK}`,
      (r) => r[0]!.n === 0,
    );
    const again =
      await sql`select count(*)::int as n from digests where subscription_id = any(${subscriptions.map((s) => s.id)}::uuid[])`;
    expect(rows).toHaveLength(subscriptions.length);
    expect(again[0]!.n).toBe(subscriptions.length);
    expect(new Set(rows.map((r) => r.subscription_id)).size).toBe(subscriptions.length);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // Once built, the period is no longer due: a later tick queues nothing.
    expect((await queueDueDigests(sql, new Date(WEEK.tick.getTime() + 3600_000))).queued).toBe(0);
  });

  it('when the same build runs many times at once: one builds it, the others find it built', async () => {
    const sql = database.sql();
    const subscription = await subscribe(sql, org.salesLead.id, weeklyMonday());
    const payload = { subscriptionId: subscription.id, periodEnd: WEEK.due.toISOString() };
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => buildDigest(sql, payload)));
    expect(outcomes.filter((o) => o.outcome === 'built')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'already-built')).toHaveLength(5);
    const [row] =
      await sql`select count(*)::int as n from digests where subscription_id = ${subscription.id}`;
    expect(row!.n).toBe(1);
  });

  it('after a crash mid-build: nothing half-built is left, and the retry builds it once', async () => {
    const sql = database.sql();
    const subscription = await subscribe(sql, org.supportLead.id, weeklyMonday({ channel: 'email' }));
    // A worker claims the period inside its transaction and dies before committing.
    const doomed = await sql.reserve();
    const [{ pid }] = (await doomed`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    await doomed`begin`;
    await doomed`insert into digests (subscription_id, person_id, period_start, period_end, channel, status)
                 values (${subscription.id}, ${org.supportLead.id}, ${new Date('2029-12-31T08:00:00Z')}, ${WEEK.due}, 'email', 'pending')`;
    await sql`select pg_terminate_backend(${pid})`;
    doomed.release();
    expect(
      (await sql`select count(*)::int as n from digests where subscription_id = ${subscription.id}`)[0]!.n,
    ).toBe(0);

    const retried = await buildDigest(sql, {
      subscriptionId: subscription.id,
      periodEnd: WEEK.due.toISOString(),
    });
    expect(retried.outcome).toBe('built');
    const digests = await sql`select id, status from digests where subscription_id = ${subscription.id}`;
    expect(digests).toEqual([{ id: expect.any(String), status: 'pending' }]);
    // Its delivery was queued in the same transaction, exactly once, keyed by the digest.
    const jobs =
      await sql`select key from graphile_worker.jobs where key = ${`digest-deliver:${digests[0]!.id}`}`;
    expect(jobs).toHaveLength(1);
    await buildDigest(sql, { subscriptionId: subscription.id, periodEnd: WEEK.due.toISOString() });
    expect(
      await sql`select key from graphile_worker.jobs where key like ${`digest-deliver:${digests[0]!.id}`}`,
    ).toHaveLength(1);
  });

  it('sends nothing for an empty period, and records that it looked', async () => {
    const sql = database.sql();
    const subscription = await subscribe(
      sql,
      org.salesLead.id,
      weeklyMonday({ scope: { kind: 'tag', tag: 'nothing-here' } }),
    );
    const outcome = await buildDigest(sql, {
      subscriptionId: subscription.id,
      periodEnd: WEEK.due.toISOString(),
    });
    expect(outcome).toMatchObject({ outcome: 'built', empty: true });
    const [digest] = await sql`select id, status from digests where subscription_id = ${subscription.id}`;
    expect(digest!.status).toBe('empty');
    expect(
      await sql`select 1 from graphile_worker.jobs where key = ${`digest-deliver:${digest!.id}`}`,
    ).toHaveLength(0);
  });
});
