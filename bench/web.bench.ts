import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSessionStore, openDatabase, seedDemo } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import { createWebApp, loadServerBuild } from '@heard/web';
import autocannon from 'autocannon';
import pino from 'pino';
import { serveOnFreePort } from '../tests/support/serve';
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

/** Server time of every request while `run` goes on: from the request to the last byte of the answer. */
function timedFetch(fetch: (request: Request) => Response | Promise<Response>) {
  let samples: number[] | null = null;
  return {
    fetch: async (request: Request) => {
      const began = performance.now();
      const response = await fetch(request);
      const body = await response.arrayBuffer();
      samples?.push(performance.now() - began);
      return new Response(body, response);
    },
    async measure(run: () => Promise<void>): Promise<number[]> {
      samples = [];
      await run();
      const taken = samples.sort((a, b) => a - b);
      samples = null;
      return taken;
    },
  };
}

/**
 * Feed, insight and goal pages at `insights` insights under 50 concurrent signed-in users
 * (autocannon), and the JavaScript each page ships, gzipped.
 */
export async function benchWeb(insights: number, seconds: number): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-web-'));
  // The server build and the client files that match it, taken first and kept aside: a rebuild
  // during the long seeding would replace them.
  const client = path.join(dataDir, 'client');
  const build = await loadServerBuild();
  await cp(BUILT_CLIENT, client, { recursive: true });
  console.log('  build loaded');
  const db = await openDatabase({ dataDir, log: quiet });
  try {
    await seedDemo(db.sql, {
      insights,
      onProgress: (done, total) => process.stdout.write(`\r  seeding ${done}/${total}`),
    });
    process.stdout.write('\n');
    await db.sql`vacuum analyze`;
    const { search } = createSearchEngines({ sql: db.sql, log: () => {} });
    await search.prepare();
    const app = createWebApp({ db, search, build, log: pino({ level: 'silent' }) });
    const timed = timedFetch(app.fetch);
    const server = await serveOnFreePort(timed.fetch);
    try {
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
      for (const page of pages) {
        let next = 0;
        for (const p of page.paths.slice(0, 5)) await fetch(`${server.url}${p}`, { headers: { cookie } }); // warm up
        const load = (connectionRate?: number) =>
          autocannon({
            url: server.url,
            connections: CONNECTIONS,
            duration: seconds,
            headers: { cookie },
            ...(connectionRate ? { connectionRate } : {}),
            requests: [
              {
                method: 'GET',
                setupRequest: (request) => ({ ...request, path: page.paths[next++ % page.paths.length]! }),
              },
            ],
          });
        // 50 people each opening a page a second (they read between clicks), then as fast as the server answers.
        let users: autocannon.Result | undefined;
        const samples = await timed.measure(async () => {
          users = await load(USER_PAGES_PER_SECOND);
        });
        const saturated = await load();
        for (const run of [users!, saturated]) {
          const failures = run.non2xx + run.errors;
          if (failures > 0)
            throw new Error(`${page.name}: ${failures} of ${run.requests.total} requests failed`);
        }
        const context = {
          insights,
          users: CONNECTIONS,
          pages_per_user_s: USER_PAGES_PER_SECOND,
          seconds,
          requests: samples.length,
          client_p97_5_ms: users!.latency.p97_5,
          // One process on a shared machine: how busy the machine was says how far to trust the figure.
          machine_load_1m: round(os.loadavg()[0]!, 1),
        };
        console.log(
          `  ${page.name}: ${samples.length} requests, server p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms; saturated ${round(saturated.requests.average, 0)} req/s`,
        );
        results.push(
          {
            name: `web.${page.name}.server_p50_ms.${insights}`,
            value: round(percentile(samples, 50)),
            unit: 'ms',
            context,
          },
          {
            name: `web.${page.name}.server_p95_ms.${insights}`,
            value: round(percentile(samples, 95)),
            unit: 'ms',
            context,
          },
          {
            name: `web.${page.name}.max_requests_per_s.${insights}`,
            value: round(saturated.requests.average, 0),
            unit: 'req/s',
            context: {
              insights,
              connections: CONNECTIONS,
              seconds,
              think_time: 'none',
              p97_5_ms: saturated.latency.p97_5,
            },
          },
        );
      }
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
        const response = await fetch(`${server.url}${p}`, { headers: who ? { cookie: who } : {} });
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
      await server.close();
    }
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
