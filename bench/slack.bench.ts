import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, seedDemo } from '@heard/db';
import autocannon from 'autocannon';
import { type BenchResult, percentile, round } from './report';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const SECRET = 'bench-signing-secret';
const SLACK_USER = 'U0BENCH';

let counter = 0;

function signed(body: string, contentType: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

/** A `/heard <text>` command: resolves the person, reads goals, opens the share form. */
function slashCommand() {
  const trigger = `bench.${process.pid}.${++counter}`;
  return signed(
    new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: SLACK_USER,
      command: '/heard',
      text: 'Kestrel cannot find the export button',
      response_url: 'https://hooks.slack.com/commands/T1/1',
      trigger_id: trigger,
      api_app_id: 'A1',
    }).toString(),
    'application/x-www-form-urlencoded',
  );
}

/** The "Share with Heard" message shortcut. */
function messageShortcut() {
  const trigger = `bench.${process.pid}.${++counter}`;
  const payload = {
    type: 'message_action',
    callback_id: 'share_with_heard',
    trigger_id: trigger,
    team: { id: 'T1' },
    user: { id: SLACK_USER },
    channel: { id: 'C1' },
    message_ts: '1700000000.000100',
    message: { type: 'message', ts: '1700000000.000100', user: 'U2', text: 'Osprey wants SSO' },
    response_url: 'https://hooks.slack.com/app/T1/1',
  };
  return signed(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
}

async function load(
  url: string,
  make: () => { body: string; headers: Record<string, string> },
  seconds: number,
) {
  const times: number[] = [];
  let failures = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/slack/events`,
        connections: 100,
        duration: seconds,
        method: 'POST',
        requests: [{ setupRequest: (request) => ({ ...request, ...make() }) }],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== 200) failures++;
    });
  });
  times.sort((a, b) => a - b);
  return { times, failures };
}

/** Starts the bot in its own process and returns its URL and a way to stop it. */
async function startBot(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    // A larger young generation: fewer, shorter collections while thousands of requests a second
    // leave work behind their acknowledgements (see README, Slack).
    [
      '--max-semi-space-size=64',
      '--import',
      'tsx',
      fileURLToPath(new URL('./slack-bot-process.ts', import.meta.url)),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        BENCH_SLACK_SECRET: SECRET,
        BENCH_SLACK_USER: SLACK_USER,
        BENCH_SLACK_EMAIL: 'sam.carter@example.com',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the bench bot exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Acknowledgement latency of signed slash commands and shortcuts, 100 concurrent connections. */
export async function benchSlack(
  seconds = Number(process.env.BENCH_SLACK_SECONDS ?? 10),
): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-slack-'));
  const db = await openDatabase({ dataDir, log: quiet });
  try {
    await seedDemo(db.sql, { insights: 200 });
    const bot = await startBot(db.url);
    const results: BenchResult[] = [];
    try {
      for (const [name, make] of [
        ['shortcut', messageShortcut],
        ['command', slashCommand],
      ] as const) {
        await load(bot.url, make, 2); // warm up
        await new Promise((resolve) => setTimeout(resolve, 3000)); // let the work behind those acks finish
        const { times, failures } = await load(bot.url, make, seconds);
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const over = times.filter((ms) => ms > 3000).length;
        const context = {
          requests: times.length,
          connections: 100,
          seconds,
          failures,
          // Shared machines are noisy: the load at the end of the run says how noisy.
          loadAverage: round(os.loadavg()[0]!, 1),
        };
        results.push(
          { name: `slack.${name}.ack_p50_ms`, value: round(percentile(times, 50)), unit: 'ms', context },
          { name: `slack.${name}.ack_p99_ms`, value: round(percentile(times, 99)), unit: 'ms', context },
          {
            name: `slack.${name}.ack_over_3s_share`,
            value: round((100 * over) / Math.max(1, times.length), 2),
            unit: '%',
            context: { over, ...context },
          },
        );
      }
    } finally {
      await bot.stop();
    }
    return results;
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
