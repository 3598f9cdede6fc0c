import { checkDatabase, type Database } from '@heard/db';
import { Hono } from 'hono';

export interface BotAppOptions {
  db: Database;
  /** Which chat integrations are on, for /healthz; they register in their own issues. */
  integrations: { slack: boolean; teams: boolean };
  /** Routes contributed by integrations (e.g. `POST /slack/events`), mounted after /healthz. */
  mount?: Array<(app: Hono) => void>;
}

/** The bot's HTTP side: health now, Slack and Teams endpoints as they arrive. */
export function createBotApp(options: BotAppOptions) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const database = await checkDatabase(options.db.sql);
    return c.json(
      { status: database.ok ? 'ok' : 'degraded', database, integrations: options.integrations },
      database.ok ? 200 : 503,
    );
  });
  for (const add of options.mount ?? []) add(app);
  return app;
}
