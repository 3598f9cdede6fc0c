import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pacedDelivery } from '@heard/bot';
import { buildDigest, openDatabase, queueDueDigests, seedDemo } from '@heard/db';
import { httpChatDelivery } from '../tests/digests/fake-chat';
import { type BenchResult, percentile, round } from './report';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'UTC',
  'Australia/Sydney',
  'America/Los_Angeles',
];

/**
 * Builds every due digest of `subscriptions` weekly subscriptions over an organisation of
 * `insights` insights: the cron tick that finds them, then each (subscription, period) built for
 * its reader, `parallel` at a time (as that many workers would).
 */
export async function benchDigestBuild(
  insights: number,
  subscriptions: number,
  parallel = 4,
): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-digests-'));
  const db = await openDatabase({ dataDir, log: quiet, max: parallel + 2 });
  try {
    await seedDemo(db.sql, {
      insights,
      onProgress: (done, total) => process.stdout.write(`\r  seeding ${done}/${total}`),
    });
    process.stdout.write('\n');
    const people = (await db.sql`select id from people order by id`).map((r) => r.id as string);
    const goals = (await db.sql`select id from goals`).map((r) => r.id as string);
    const teams = (await db.sql`select id from teams`).map((r) => r.id as string);
    const tags = (
      await db.sql`select tag from (select unnest(tags) as tag from insights limit 20000) t group by tag order by count(*) desc limit 12`
    ).map((r) => r.tag as string);
    const segments = (await db.sql`select distinct segment from customers where segment is not null`).map(
      (r) => r.segment as string,
    );
    const scopes = [
      ...goals.map((goalId) => ({ kind: 'goal', goalId })),
      ...tags.map((tag) => ({ kind: 'tag', tag })),
      ...teams.map((teamId) => ({ kind: 'team', teamId })),
      ...segments.map((segment) => ({ kind: 'segment', segment })),
      { kind: 'stories' },
    ];
    const createdAt = new Date(Date.now() - 30 * 86_400_000);
    const rows = Array.from({ length: subscriptions }, (_, n) => ({
      person_id: people[n % people.length]!,
      scope: scopes[n % scopes.length]!,
      cadence: { kind: 'weekly', weekday: n % 7 },
      local_time: `${String(6 + (n % 4)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`,
      time_zone: ZONES[n % ZONES.length]!,
      channel: 'web',
      created_at: createdAt,
    }));
    for (let i = 0; i < rows.length; i += 2000) {
      await db.sql`insert into subscriptions ${db.sql(rows.slice(i, i + 2000) as never)}`;
    }
    await db.sql`vacuum analyze`;

    const tickBegan = performance.now();
    const { queued } = await queueDueDigests(db.sql, new Date());
    const tickMs = performance.now() - tickBegan;
    const jobs = await db.sql`
      select p.payload from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
      where j.task_identifier = 'digest-build'`;
    const payloads = jobs.map((j) => j.payload as { subscriptionId: string; periodEnd: string });

    const times: number[] = [];
    let empty = 0;
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < payloads.length) {
          const payload = payloads[next++]!;
          const t = performance.now();
          const outcome = await buildDigest(db.sql, payload);
          times.push(performance.now() - t);
          if (outcome.outcome === 'built' && outcome.empty) empty += 1;
          if (times.length % 250 === 0) process.stdout.write(`\r  built ${times.length}/${payloads.length}`);
        }
      }),
    );
    const totalMs = performance.now() - began;
    process.stdout.write('\n');
    times.sort((a, b) => a - b);
    const context = { insights, subscriptions, queued, empty, parallel };
    return [
      { name: `digests.tick_ms.${subscriptions}`, value: round(tickMs), unit: 'ms', context },
      { name: `digests.build_total_s.${subscriptions}`, value: round(totalMs / 1000), unit: 's', context },
      {
        name: `digests.build_per_s.${subscriptions}`,
        value: round(times.length / (totalMs / 1000)),
        unit: 'digests/s',
        context,
      },
      { name: 'digests.build.p50_ms', value: round(percentile(times, 50)), unit: 'ms', context },
      { name: 'digests.build.p95_ms', value: round(percentile(times, 95)), unit: 'ms', context },
    ];
  } finally {
    await db.close();
  }
}

/** A chat API that answers 429 with Retry-After when one channel gets more than `perSecond` a second. */
async function rateLimitedEndpoint(perSecond: number) {
  const recent = new Map<string, number[]>();
  let accepted = 0;
  let refused = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const channel = (JSON.parse(body) as { channel: string }).channel;
      const now = performance.now();
      const window = (recent.get(channel) ?? []).filter((t) => now - t < 1000);
      // A little slack for timer jitter, as real limits have.
      if (window.length >= perSecond && now - window[window.length - perSecond]! < 950) {
        refused += 1;
        res.writeHead(429, { 'retry-after': '1' }).end();
        return;
      }
      window.push(now);
      recent.set(channel, window);
      accepted += 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, ts: String(now) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stats: () => ({ accepted, refused }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends `perChannel` digests to each of `channels` conversations through the paced delivery, and without it. */
async function paceRun(
  platform: 'slack' | 'teams',
  perSecond: number,
  channels: number,
  perChannel: number,
  paced: boolean,
) {
  const endpoint = await rateLimitedEndpoint(perSecond);
  const raw = httpChatDelivery(platform, endpoint.url);
  const delivery = paced ? pacedDelivery(raw, { attempts: 6 }) : raw;
  const began = performance.now();
  let failed = 0;
  await Promise.all(
    Array.from({ length: channels }, (_, c) =>
      (async () => {
        for (let m = 0; m < perChannel; m++) {
          await delivery
            .sendToPerson(`${String(c).padStart(8, '0')}-person`, { text: `digest ${m}` })
            .catch(() => (failed += 1));
        }
      })(),
    ),
  );
  const seconds = (performance.now() - began) / 1000;
  const stats = endpoint.stats();
  await endpoint.close();
  return { seconds, failed, ...stats, messages: channels * perChannel };
}

/** Delivery pacing against a rate-limited fake endpoint: Slack 1/s per channel, Teams 7/s per conversation. */
export async function benchDigestPacing(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [platform, perSecond, channels, perChannel] of [
    ['slack', 1, 10, 5],
    ['teams', 7, 3, 35],
  ] as const) {
    const paced = await paceRun(platform, perSecond, channels, perChannel, true);
    const unpaced = await paceRun(platform, perSecond, channels, perChannel, false);
    const context = {
      messages: paced.messages,
      channels,
      limit: `${perSecond}/s per channel`,
      refused_429: paced.refused,
      failed: paced.failed,
      unpaced_refused_429: unpaced.refused,
      unpaced_failed: unpaced.failed,
    };
    results.push(
      {
        name: `digests.pacing.${platform}.seconds`,
        value: round(paced.seconds, 2),
        unit: 's',
        context: { ...context, ideal_s: round((perChannel - 1) / perSecond, 2) },
      },
      {
        name: `digests.pacing.${platform}.per_channel_per_s`,
        value: round((perChannel - 1) / paced.seconds, 2),
        unit: 'msg/s',
        context,
      },
      { name: `digests.pacing.${platform}.refused_429`, value: paced.refused, unit: 'responses', context },
    );
  }
  return results;
}
