import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, openDatabase, seedDemo } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import { createWebApp, loadServerBuild } from '@heard/web';
import pino from 'pino';
import { serveOnFreePort } from '../tests/support/serve';
import { type BenchResult, percentile, round } from './report';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

async function timed(url: string, cookie: string): Promise<{ ms: number; html: string }> {
  const began = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms: performance.now() - began, html };
}

/** Feed page render (full HTML over loopback) at `insights` insights, p50/p95. */
export async function benchFeed(insights: number, requests: number): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-'));
  const db = await openDatabase({ dataDir, log: quiet });
  try {
    const seedBegan = performance.now();
    await seedDemo(db.sql, {
      insights,
      onProgress: (done, total) => process.stdout.write(`\r  seeding ${done}/${total}`),
    });
    const seedMs = performance.now() - seedBegan;
    process.stdout.write('\n');
    await db.sql`vacuum analyze`;
    const { search } = createSearchEngines({ sql: db.sql, log: () => {} });
    await search.prepare();
    const app = createWebApp({ db, search, build: await loadServerBuild(), log: pino({ level: 'silent' }) });
    const server = await serveOnFreePort(app.fetch);
    try {
      const signIn = await fetch(`${server.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ email: 'sam.carter@example.com', password: DEMO_PASSWORD }),
        headers: { origin: server.url },
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const [goal] = await db.sql`select id from goals order by title limit 1`;
      const paths = ['/', '/?kind=churn_risk', `/?goal=${goal!.id}`, '/?source=teams', '/?tag=billing'];
      for (const p of paths) await timed(`${server.url}${p}`, cookie); // warm up
      const first: number[] = [];
      const all: number[] = [];
      for (let i = 0; i < requests; i++) {
        const p = paths[i % paths.length]!;
        const { ms, html } = await timed(`${server.url}${p}`, cookie);
        if (p === '/') first.push(ms);
        all.push(ms);
        // Follow the "older" link a few pages deep, as someone scrolling back would.
        const next = html
          .match(/<a[^>]*rel="next"[^>]*>/)?.[0]
          .match(/href="([^"]+)"/)?.[1]
          ?.replace(/&amp;/g, '&');
        if (next && i % 3 === 0) all.push((await timed(`${server.url}${next}`, cookie)).ms);
      }
      first.sort((a, b) => a - b);
      all.sort((a, b) => a - b);
      const context = { insights, requests: all.length, page: '20 insights, HTML over loopback, one client' };
      return [
        {
          name: `seed.insights_per_s.${insights}`,
          value: round(insights / (seedMs / 1000), 0),
          unit: 'insights/s',
          context: { seconds: round(seedMs / 1000) },
        },
        {
          name: `feed.first_page.p50_ms.${insights}`,
          value: round(percentile(first, 50)),
          unit: 'ms',
          context,
        },
        {
          name: `feed.first_page.p95_ms.${insights}`,
          value: round(percentile(first, 95)),
          unit: 'ms',
          context,
        },
        {
          name: `feed.any_page.p50_ms.${insights}`,
          value: round(percentile(all, 50)),
          unit: 'ms',
          context: { ...context, mix: paths.join(' ') },
        },
        {
          name: `feed.any_page.p95_ms.${insights}`,
          value: round(percentile(all, 95)),
          unit: 'ms',
          context: { ...context, mix: paths.join(' ') },
        },
      ];
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
