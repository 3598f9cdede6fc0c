import { createBotApp, createIntegrations, describeIntegrations, readBotConfig } from '@heard/bot';
import { useTestDatabase } from '@heard/db/testing';
import { createSearchEngines } from '@heard/search';
import pino from 'pino';
import { describe, expect, it } from 'vitest';

const database = useTestDatabase();

function integrate(config: ReturnType<typeof readBotConfig>) {
  const sql = database.sql();
  const db = { url: database.url(), sql, close: async () => {} };
  return {
    db,
    integrations: createIntegrations({
      config,
      db,
      log: pino({ level: 'silent' }),
      search: createSearchEngines({ sql, log: () => {} }).search,
      hubUrl: 'http://localhost:3000',
    }),
  };
}

describe('Teams settings', () => {
  it('says at start that Teams is off without Microsoft settings, and serves no Teams endpoint', async () => {
    const config = readBotConfig({});
    expect(describeIntegrations(config)).toContainEqual(
      expect.stringMatching(/^Microsoft Teams is off: set MICROSOFT_APP_ID/),
    );
    const { db, integrations } = integrate(config);
    expect(integrations.chat.some((d) => d.platform === 'teams')).toBe(false);
    const app = createBotApp({ db, integrations: { slack: false, teams: false }, mount: integrations.mount });
    expect((await app.request('http://bot.test/api/messages', { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
  });

  it('stays off with an app id but no password (it could not answer anyway)', () => {
    const config = readBotConfig({ MICROSOFT_APP_ID: 'some-app' });
    expect(config.teams).toBe(false);
  });

  it('refuses to start Teams without an app id rather than accept anonymous requests', () => {
    const config = { ...readBotConfig({}), teams: true };
    expect(() => integrate(config)).toThrow(/MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD/);
  });
});
