import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSessionStore, openDatabase, seedDemo } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import autocannon from 'autocannon';
import { startWebProcesses, type WebProcesses, webProcessCount } from '../scripts/web-processes';
import { freePort } from '../tests/support/free-port';
import { type BenchResult, percentile, round } from './report';

const BUILT_CLIENT = fileURLToPath(new URL('../apps/web/build/client', import.meta.url));
const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const CONNECTIONS = 50;
/** Each simulated person opens a page a second: reading time between clicks. */
const USER_PAGES_PER_SECOND = 1;

/**
 * The JavaScript a page makes the browser load: the modules its HTML names (modulepreload links
 * and the inline module script's imports) and, recursively, what those import.
 */
export function javascriptOf(
  html: string,
  client: string,
): { files: string[]; bytes: number; gzipBytes: number } {
  const seen = new Set<string>();
  const queue = [
    ...html.matchAll(/<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/g),
    ...html.matchAll(/import\(?\s*"(\/assets\/[^"]+\.js)"/g),
  ].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(client, file));
    bytes += source.length;
    gzipBytes += gzipSync(source).length;
    const dir = path.posix.dirname(file);
    for (const m of source.toString('utf8').matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      queue.push(path.posix.join(dir, m[1]!));
  }
  return { files: [...seen], bytes, gzipBytes };
}

/**
 * 50 people each opening a page a second, each on their own clock: one autocannon client per
 * person, started 1/50 s apart. (One autocannon with 50 rate-limited connections fires all 50 in
 * the same millisecond every second, a burst no group of readers makes.)
 */
async function users(url: string, cookie: string, seconds: number, nextPath: () => string) {
  const runs = await Promise.all(
    Array.from(
      { length: CONNECTIONS },
      (_, i) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          setTimeout(
            () =>
              autocannon({
                url,
                connections: 1,
                connectionRate: USER_PAGES_PER_SECOND,
                duration: seconds,
                headers: { cookie },
                requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
              }).then(resolve, reject),
            (i * 1000) / CONNECTIONS / USER_PAGES_PER_SECOND,
          );
        }),
    ),
  );
  return {
    requests: runs.reduce((n, r) => n + r.requests.total, 0),
    failures: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
  };
}

/** Statements PostgreSQL has finished for this database so far (each page's queries run outside transactions). */
async function statementsSoFar(sql: Awaited<ReturnType<typeof openDatabase>>['sql']): Promise<number> {
  await sql`select pg_stat_clear_snapshot()`;
  const [row] =
    await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
  return Number(row!.n);
}

/**
 * Feed, insight and goal pages at `insights` insights under 50 concurrent signed-in users
 * (autocannon), served the way `pnpm start` serves them: by one process, then by WEB_PROCESSES
 * processes (one per core by default); and the JavaScript each page ships, gzipped.
 */
export async function benchWeb(insights: number, seconds: number): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-web-'));
  const client = path.join(dataDir, 'client');
  const db = await openDatabase({ dataDir, log: quiet });
  const counts = [...new Set([1, webProcessCount({ WEB_PROCESSES: process.env.WEB_PROCESSES })])];
  const servers: WebProcesses[] = [];
  try {
    // The web processes load the server build now, and the client files that match it are copied
    // at the same moment: a rebuild during the long seeding would replace them.
    for (const count of counts)
      servers.push(
        await startWebProcesses(count, {
          databaseUrl: db.url,
          port: await freePort(),
          hostname: '127.0.0.1',
          demo: false,
          logLevel: 'silent',
          poolSize: 10,
          timings: true,
        }),
      );
    await cp(BUILT_CLIENT, client, { recursive: true });
    console.log(`  build loaded by ${counts.map((n) => `${n}`).join(' and ')} web process(es)`);
    await seedDemo(db.sql, {
      insights,
      onProgress: (done, total) => process.stdout.write(`\r  seeding ${done}/${total}`),
    });
    process.stdout.write('\n');
    await db.sql`vacuum analyze`;
    // Written out now rather than by a checkpoint in the middle of the first measurement.
    await db.sql`checkpoint`;
    const { search } = createSearchEngines({ sql: db.sql, log: () => {} });
    await search.prepare();
    const sessions = createSessionStore(db.sql);
    const cookieOf = async (email: string) => {
      const [person] = await db.sql`select id from people where email = ${email}`;
      return `heard_session=${(await sessions.open(person!.id as string)).token}`;
    };
    const cookie = await cookieOf('sam.carter@example.com');
    // Insights everyone may read, spread over the whole table, and every goal.
    const insightIds = (
      await db.sql`select id from insights where visibility_scope = 'everyone' order by random() limit 500`
    ).map((r) => r.id as string);
    const goalIds = (await db.sql`select id from goals`).map((r) => r.id as string);
    const pages: { name: string; paths: string[] }[] = [
      { name: 'feed', paths: ['/', '/?kind=churn_risk', '/?tag=billing', '/?sort=evidence'] },
      { name: 'insight', paths: insightIds.map((id) => `/insights/${id}`) },
      { name: 'goal', paths: goalIds.map((id) => `/goals/${id}`) },
    ];
    const results: BenchResult[] = [];
    // Each page by one process then by several, back to back, so both meet much the same machine.
    for (const page of pages) {
      for (const server of servers) {
        const url = `http://127.0.0.1:${server.port}`;
        // Figures for the way people run it carry the plain names; one process is kept beside them.
        const suffix = server.count === 1 && counts.length > 1 ? '.one_process' : '';
        let next = 0;
        const nextPath = () => page.paths[next++ % page.paths.length]!;
        for (let i = 0; i < 10 * server.count; i++)
          await fetch(`${url}${nextPath()}`, { headers: { cookie } }); // warm up
        const before = await server.timings();
        const statementsBefore = await statementsSoFar(db.sql);
        const people = await users(url, cookie, seconds, nextPath);
        const statements = (await statementsSoFar(db.sql)) - statementsBefore;
        const taken = await server.timings();
        const saturated = await autocannon({
          url,
          connections: CONNECTIONS,
          duration: seconds,
          headers: { cookie },
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
        });
        for (const [what, failures, total] of [
          ['users', people.failures, people.requests],
          ['saturated', saturated.non2xx + saturated.errors, saturated.requests.total],
        ] as const)
          if (failures > 0)
            throw new Error(`${page.name} (${what}): ${failures} of ${total} requests failed`);
        const samples = taken.samples.sort((a, b) => a - b);
        const context = {
          insights,
          processes: server.count,
          users: CONNECTIONS,
          pages_per_user_s: USER_PAGES_PER_SECOND,
          seconds,
          requests: samples.length,
          cpu_ms_per_page: round((taken.cpuMs - before.cpuMs) / samples.length),
          statements_per_page: round(statements / samples.length),
          // A shared machine: how busy it was says how far to trust the figure.
          machine_load_1m: round(os.loadavg()[0]!, 1),
        };
        console.log(
          `  ${page.name}, ${server.count} process(es): ${samples.length} requests, server p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms, ${context.cpu_ms_per_page} ms CPU and ${context.statements_per_page} statements a page; saturated ${round(saturated.requests.average, 0)} req/s (load ${context.machine_load_1m})`,
        );
        results.push(
          {
            name: `web.${page.name}.server_p50_ms.${insights}${suffix}`,
            value: round(percentile(samples, 50)),
            unit: 'ms',
            context,
          },
          {
            name: `web.${page.name}.server_p95_ms.${insights}${suffix}`,
            value: round(percentile(samples, 95)),
            unit: 'ms',
            context,
          },
          {
            name: `web.${page.name}.max_requests_per_s.${insights}${suffix}`,
            value: round(saturated.requests.average, 0),
            unit: 'req/s',
            context: {
              insights,
              processes: server.count,
              connections: CONNECTIONS,
              seconds,
              think_time: 'none',
              p97_5_ms: saturated.latency.p97_5,
              machine_load_1m: round(os.loadavg()[0]!, 1),
            },
          },
        );
      }
    }
    const url = `http://127.0.0.1:${servers.at(-1)!.port}`;
    const leader = await cookieOf('maya.lindqvist@example.com');
    const shipped: [string, string, string][] = [
      ['feed', '/', cookie],
      ['insight', `/insights/${insightIds[0]}`, cookie],
      ['goal', `/goals/${goalIds[0]}`, cookie],
      ['post', '/post', cookie],
      ['search', '/search?q=invoice', cookie],
      ['health', '/health', leader],
      ['sign_in', '/sign-in', ''],
    ];
    for (const [name, p, who] of shipped) {
      const response = await fetch(`${url}${p}`, { headers: who ? { cookie: who } : {} });
      if (response.status !== 200) throw new Error(`${p} answered ${response.status}`);
      const js = javascriptOf(await response.text(), client);
      results.push({
        name: `web.${name}.js_gzip_kb`,
        value: round(js.gzipBytes / 1024),
        unit: 'KB',
        context: { modules: js.files.length, uncompressed_kb: round(js.bytes / 1024) },
      });
    }
    return results;
  } finally {
    for (const server of servers) await server.stop();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
