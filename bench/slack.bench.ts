import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBotApp, createIntegrations, readBotConfig } from '@heard/bot';
import { openDatabase, seedDemo } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import autocannon from 'autocannon';
import pino from 'pino';
import { FakeSlack } from '../tests/slack/support/slack-api';
import { serveOnFreePort } from '../tests/support/serve';
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

/** Waits until the work left behind by acknowledged requests has finished (no Slack calls for 1 s). */
async function settle(slack: FakeSlack): Promise<void> {
  let seen = -1;
  while (seen !== slack.calls.length) {
    seen = slack.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function load(
  url: string,
  make: () => { body: string; headers: Record<string, string> },
  seconds: number,
) {
  const times: number[] = [];
  let failures = 0;
  const instance = autocannon({
    url: `${url}/slack/events`,
    connections: 100,
    duration: seconds,
    method: 'POST',
    requests: [{ setupRequest: (request) => ({ ...request, ...make() }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode !== 200) failures++;
  });
  await new Promise<void>((resolve, reject) => instance.on('done', () => resolve()).on('error', reject));
  times.sort((a, b) => a - b);
  return { times, failures };
}

/** Acknowledgement latency of signed slash commands and shortcuts, 100 concurrent connections. */
export async function benchSlack(
  seconds = Number(process.env.BENCH_SLACK_SECONDS ?? 10),
): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-slack-'));
  const db = await openDatabase({ dataDir, log: quiet });
  // Slack's side, answered in this process: the work after each ack calls views.open and friends.
  const slack = new FakeSlack();
  slack.users.set(SLACK_USER, 'sam.carter@example.com');
  slack.listen();
  try {
    await seedDemo(db.sql, { insights: 200 });
    const log = pino({ level: 'silent' });
    const { search } = createSearchEngines({ sql: db.sql, log: () => {} });
    const config = readBotConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench' });
    const integrations = createIntegrations({ config, db, log, search, hubUrl: 'http://localhost:3000' });
    const app = createBotApp({ db, integrations: { slack: true, teams: false }, mount: integrations.mount });
    const server = await serveOnFreePort(app.fetch);
    const results: BenchResult[] = [];
    try {
      for (const [name, make] of [
        ['command', slashCommand],
        ['shortcut', messageShortcut],
      ] as const) {
        await load(server.url, make, 2); // warm up
        await settle(slack);
        slack.reset();
        const { times, failures } = await load(server.url, make, seconds);
        await settle(slack);
        const over = times.filter((ms) => ms > 3000).length;
        const context = { requests: times.length, connections: 100, seconds, failures };
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
      await server.close();
      await integrations.stop();
    }
    return results;
  } finally {
    slack.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
