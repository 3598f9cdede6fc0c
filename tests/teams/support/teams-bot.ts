// The bot's real Hono server with Teams switched on, on this file's own database, and helpers
// that post activities to it the way Teams does (signed bearer token, JSON body).
import { randomUUID } from 'node:crypto';
import { createBotApp, createIntegrations, type Integrations, readBotConfig } from '@heard/bot';
import type { Database } from '@heard/db';
import { buildPerson, useTestDatabase } from '@heard/db/testing';
import type { Person, SearchIndex } from '@heard/domain';
import { createSearchEngines } from '@heard/search';
import pino from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { APP_ID, createMicrosoftMock, type MicrosoftMock, SERVICE_URL, TENANT_ID } from './microsoft';

export const HUB_URL = 'https://heard.test.example';

/** Answers are JSON read by assertions: a wrong path fails the assertion rather than the compile. */
// biome-ignore lint/suspicious/noExplicitAny: JSON inspected by assertions
export type Json = any;

/** Starts the Microsoft fakes for this test file; a request to any other host fails the test. */
export function useMicrosoft(): MicrosoftMock {
  const microsoft = createMicrosoftMock();
  beforeAll(() => microsoft.start());
  afterEach(() => microsoft.reset());
  afterAll(() => microsoft.stop());
  return microsoft.mock;
}

export interface TeamsBot {
  microsoft: MicrosoftMock;
  db: Database;
  search: SearchIndex;
  integrations: Integrations;
  app: ReturnType<typeof createBotApp>;
  /** Posts an activity with a valid token unless another is given (null: no Authorization header). */
  send(activity: Record<string, unknown>, token?: string | null): Promise<Response>;
  /** Runs one of the integration's jobs the way the worker would. */
  runJob(task: string, payload: unknown): Promise<void>;
}

/** `database` puts the bot on a database another helper set up (the web hub's, for journeys across both). */
export function useTeamsBot(options: { database?: () => Database } = {}): TeamsBot {
  const database = options.database ? null : useTestDatabase();
  const microsoft = useMicrosoft();
  const bot = { microsoft } as TeamsBot;
  beforeAll(async () => {
    bot.db = options.database?.() ?? { url: database!.url(), sql: database!.sql(), close: async () => {} };
    const sql = bot.db.sql;
    bot.search = createSearchEngines({ sql, log: () => {} }).search;
    const config = readBotConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'test-secret',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      TEAMS_STORIES_CONVERSATION: '19:stories@thread.tacv2',
    });
    bot.integrations = createIntegrations({
      config,
      db: bot.db,
      log: pino({ level: 'silent' }),
      search: bot.search,
      hubUrl: HUB_URL,
    });
    bot.app = createBotApp({
      db: bot.db,
      integrations: { slack: false, teams: true },
      mount: bot.integrations.mount,
    });
  });
  bot.send = async (activity, token) => {
    const bearer = token === undefined ? await microsoft.token() : token;
    return bot.app.request('http://bot.test/api/messages', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(activity),
    });
  };
  bot.runJob = async (task, payload) => {
    const run = bot.integrations.tasks[task];
    if (!run) throw new Error(`No task ${task}`);
    await run(payload as never, { job: { id: randomUUID() }, logger: pino({ level: 'silent' }) } as never);
  };
  return bot;
}

/** A Teams user as activities name them. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(aadObjectId: string = randomUUID(), name = 'Dana Teams'): TeamsUser {
  return { id: `29:${aadObjectId}`, aadObjectId, name };
}

const base = (from: TeamsUser, conversation: Record<string, unknown>) => ({
  id: `act-${randomUUID()}`,
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  timestamp: new Date().toISOString(),
  from,
  recipient: { id: `28:${APP_ID}`, name: 'Heard' },
  conversation: { tenantId: TENANT_ID, ...conversation },
  channelData: { tenant: { id: TENANT_ID } },
});

/** A Teams user and the person in Heard linked to them, as account linking leaves them. */
export async function linkedTeamsUser(
  bot: TeamsBot,
  person: Omit<NonNullable<Parameters<typeof buildPerson>[1]>, 'chat'> = {},
): Promise<{ user: TeamsUser; person: Person }> {
  const user = teamsUser();
  return {
    user,
    person: await buildPerson(bot.db.sql, { ...person, chat: { teamsAadObjectId: user.aadObjectId } }),
  };
}

export const personalChat = (user: TeamsUser) => ({
  id: `a:personal-${user.aadObjectId}`,
  conversationType: 'personal',
});
export const channel = { id: '19:general@thread.tacv2', conversationType: 'channel' };

export function messageActivity(from: TeamsUser, text: string, conversation = personalChat(from)) {
  return { ...base(from, conversation), type: 'message', text };
}

export function invokeActivity(
  from: TeamsUser,
  name: string,
  value: unknown,
  conversation: Record<string, unknown> = channel,
) {
  return { ...base(from, conversation), type: 'invoke', name, value };
}

export function installActivity(from: TeamsUser, conversation: Record<string, unknown> = personalChat(from)) {
  return { ...base(from, conversation), type: 'conversationUpdate', membersAdded: [{ id: `28:${APP_ID}` }] };
}

/** The message a "Share with Heard" action is started on. */
export function sharedMessage(text: string, id = `${Date.now()}${Math.floor(Math.random() * 1000)}`) {
  return {
    id,
    body: { contentType: 'html', content: `<p>${text}</p>` },
    from: { user: { id: '29:someone', displayName: 'Sam Customer-Facing' } },
    linkToMessage: `https://teams.microsoft.com/l/message/19:general@thread.tacv2/${id}`,
  };
}
