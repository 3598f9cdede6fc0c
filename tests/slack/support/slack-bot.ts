// The bot's real Hono server with Slack on, on this test file's own database, Slack's side
// answered by FakeSlack. Requests are signed exactly as Slack signs them.
import { createHmac } from 'node:crypto';
import {
  createBotApp,
  createIntegrations,
  type Integrations,
  readBotConfig,
  startWorker,
  type Worker,
} from '@heard/bot';
import type { Database } from '@heard/db';
import { buildPerson, useTestDatabase } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { createSearchEngines } from '@heard/search';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { FakeSlack } from './slack-api';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const HUB = 'http://hub.test';
export const TEAM_ID = 'T0HEARD';

export interface SignOptions {
  timestamp?: number;
  secret?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** The headers Slack sends with a body: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackBot {
  app: ReturnType<typeof createBotApp>;
  db: Database;
  slack: FakeSlack;
  logs: Record<string, unknown>[];
  integrations: Integrations;
  /** Posts a raw body to /slack/events, signed unless told otherwise. */
  post(body: string, options?: SignOptions): Promise<Response>;
  /** A slash command, as a form. */
  command(user: string, text: string, extra?: Record<string, string>): Promise<Response>;
  /** An interactivity payload (shortcut, view submission, block action, options). */
  interact(payload: Record<string, unknown>, options?: SignOptions): Promise<Response>;
  /** An Events API callback; `retryNum` adds X-Slack-Retry-Num as Slack does when it retries. */
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Response>;
  /** A person in Heard who is also a Slack user with the same email. */
  person(slackUserId: string, overrides?: Parameters<typeof buildPerson>[1]): Promise<Person>;
}

let triggers = 0;
export const triggerId = () => `${Date.now()}.${++triggers}.trigger`;

/** `database` puts the bot on a database another helper set up (the web hub's, for journeys across both). */
export function useSlackBot(
  options: { worker?: boolean; env?: Record<string, string>; database?: () => Database } = {},
): SlackBot {
  const database = options.database ? null : useTestDatabase();
  const slack = new FakeSlack();
  const bot = { slack, logs: [] as Record<string, unknown>[] } as SlackBot;
  let worker: Worker | undefined;

  beforeAll(async () => {
    slack.listen();
    const db: Database = options.database?.() ?? {
      url: database!.url(),
      sql: database!.sql(),
      close: async () => {},
    };
    const sql = db.sql;
    bot.db = db;
    const log = pino({ level: 'info' }, { write: (line: string) => void bot.logs.push(JSON.parse(line)) });
    const engines = createSearchEngines({ sql, log: () => {} });
    const config = readBotConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      ...options.env,
    });
    bot.integrations = createIntegrations({ config, db, log, search: engines.search, hubUrl: HUB });
    bot.app = createBotApp({
      db,
      integrations: { slack: true, teams: false },
      mount: bot.integrations.mount,
    });
    if (options.worker) {
      worker = await startWorker(db, pino({ level: 'silent' }), {
        searchIndexes: engines.writable,
        tasks: bot.integrations.tasks,
      });
    }
  });

  afterAll(async () => {
    await worker?.stop();
    await bot.integrations?.stop();
    slack.close();
  });

  bot.post = async (body, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    return bot.app.request('http://bot.test/slack/events', {
      method: 'POST',
      body,
      headers: {
        'content-type': o.contentType ?? 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(body, timestamp, o.secret),
        ...o.headers,
      },
    });
  };

  bot.command = (user, text, extra = {}) =>
    bot.post(
      new URLSearchParams({
        token: 'legacy',
        team_id: TEAM_ID,
        channel_id: 'C0SALES',
        user_id: user,
        command: '/heard',
        text,
        response_url: `https://hooks.slack.com/commands/${TEAM_ID}/${triggers + 1}`,
        trigger_id: triggerId(),
        api_app_id: 'A0HEARD',
        ...extra,
      }).toString(),
      { contentType: 'application/x-www-form-urlencoded' },
    );

  bot.interact = (payload, o = {}) =>
    bot.post(
      new URLSearchParams({
        payload: JSON.stringify({ team: { id: TEAM_ID }, api_app_id: 'A0HEARD', ...payload }),
      }).toString(),
      {
        contentType: 'application/x-www-form-urlencoded',
        ...o,
      },
    );

  bot.event = (event, o = {}) =>
    bot.post(
      JSON.stringify({
        type: 'event_callback',
        team_id: TEAM_ID,
        api_app_id: 'A0HEARD',
        event_id: o.eventId ?? `Ev${triggerId()}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      }),
      o.retryNum === undefined
        ? {}
        : { headers: { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } },
    );

  bot.person = async (slackUserId, overrides = {}) => {
    const person = await buildPerson(bot.db.sql, overrides);
    slack.users.set(slackUserId, person.email);
    return person;
  };

  return bot;
}

/** A view_submission payload for a modal Heard opened, with the given state values. */
export function viewSubmission(
  user: string,
  view: Record<string, unknown>,
  values: Record<string, unknown>,
  viewId = `V${triggerId()}`,
) {
  return {
    type: 'view_submission',
    user: { id: user, team_id: TEAM_ID },
    trigger_id: triggerId(),
    view: { ...view, id: viewId, team_id: TEAM_ID, state: { values } },
  };
}

/** Reads until `done` holds (jobs run on their own schedule), then returns the last value read. */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 400 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}
