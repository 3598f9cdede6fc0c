import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWorker, type Worker } from '@heard/bot';
import { type Database, DEMO_PASSWORD, demoSignIns, openDatabase, seedDemo } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import { createWebApp, loadServerBuild } from '@heard/web';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../packages/db/src/embedded';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
let dataDir: string;
let cluster: EmbeddedPostgres;
let db: Database;
let app: ReturnType<typeof createWebApp>;
let cookie: string;
let worker: Worker;
let engines: ReturnType<typeof createSearchEngines>;

const get = (p: string) => Promise.resolve(app.request(`http://localhost${p}`, { headers: { cookie } }));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'heard-outage-'));
  cluster = await startEmbeddedPostgres({ persistent: true, dataDir });
  db = await openDatabase({ databaseUrl: cluster.url, dataDir, log: quiet });
  await seedDemo(db.sql, { insights: 20 });
  engines = createSearchEngines({ sql: db.sql, log: () => {} });
  await engines.search.prepare();
  app = createWebApp({
    search: engines.search,
    db,
    build: await loadServerBuild(),
    log: pino({ level: 'silent' }),
    demo: { signIns: demoSignIns(), password: DEMO_PASSWORD },
  });
  const signIn = await app.request('http://localhost/sign-in', {
    method: 'POST',
    body: new URLSearchParams({ email: 'sam.carter@example.com', password: DEMO_PASSWORD }),
    headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
  });
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  worker = await startWorker(db, pino({ level: 'silent' }), { searchIndexes: engines.writable });
});

afterAll(async () => {
  await worker?.stop();
  await db?.sql.end({ timeout: 1 });
  await cluster?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('when the database goes away while Heard runs', () => {
  it('answers 503 with Retry-After, then recovers by itself when the database returns', {
    timeout: 120_000,
  }, async () => {
    expect((await get('/')).status).toBe(200);
    const port = cluster.port;
    await cluster.stop();

    const down = await get('/');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.text()).toContain('Heard is reconnecting to its database');
    const health = await get('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: { ok: false } });

    cluster = await startEmbeddedPostgres({ persistent: true, dataDir, port });
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await get('/')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect(await (await get('/')).text()).toContain('What customers are telling us');

    // The job worker survived the outage too: a post made now still reaches its audience (its queue
    // connection reconnects with a backoff, so this may take a while on a busy machine).
    const [hannah] = await db.sql`select id from people where email = 'hannah.weiss@example.com'`;
    const posted = await app.request('http://localhost/post', {
      method: 'POST',
      body: new URLSearchParams({
        body: 'After the outage',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'people',
        personIds: hannah!.id,
      }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(posted.status).toBe(302);
    let notified = 0;
    for (let attempt = 0; attempt < 240 && notified === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      [{ n: notified } = { n: 0 }] =
        await db.sql`select count(*)::int as n from notifications where person_id = ${hannah!.id}`;
    }
    expect(notified).toBe(1);
  });
});
