import { reindex, startWorker, type Worker } from '@heard/bot';
import { type Database, DEMO_PASSWORD, demoSignIns, seedDemo } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import { createSearchEngines } from '@heard/search';
import { createWebApp, loadServerBuild, type WebAppOptions } from '@heard/web';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';

export const ORIGIN = 'http://localhost';

export interface TestHub {
  app: ReturnType<typeof createWebApp>;
  db: Database;
  /** Signs in through the real sign-in form and returns the session cookie. */
  signIn(email: string, password?: string): Promise<string>;
  /** A same-origin form POST, as a browser would send it. */
  post(path: string, form: Record<string, string | string[]>, cookie?: string): Promise<Response>;
  get(path: string, cookie?: string): Promise<Response>;
}

/** A web hub on this test file's own database, seeded with the demo organisation (small). */
/** `worker: true` also runs the job worker, for journeys that wait on jobs (search sync, notifications). */
/** `app` adds options to `createWebApp` (mail, client address …). */
export function useWebHub(
  options: { insights?: number; worker?: boolean; app?: Partial<WebAppOptions> } = {},
): TestHub {
  const database = useTestDatabase();
  const hub = {} as TestHub;
  let worker: Worker | undefined;
  afterAll(async () => {
    await worker?.stop();
  });
  beforeAll(async () => {
    const sql = database.sql();
    await seedDemo(sql, { insights: options.insights ?? 60, seed: 7 });
    const db: Database = { url: database.url(), sql, close: async () => {} };
    hub.db = db;
    const engines = createSearchEngines({ sql, log: () => {} });
    for (const index of engines.writable) await reindex(sql, index);
    if (options.worker)
      worker = await startWorker(db, pino({ level: 'silent' }), { searchIndexes: engines.writable });
    hub.app = createWebApp({
      db,
      search: engines.search,
      build: await loadServerBuild(),
      log: pino({ level: 'silent' }),
      demo: { signIns: demoSignIns(), password: DEMO_PASSWORD },
      ...options.app,
    });
    hub.get = (path, cookie) =>
      Promise.resolve(hub.app.request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} }));
    hub.post = (path, form, cookie) => {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
      return Promise.resolve(
        hub.app.request(`${ORIGIN}${path}`, {
          method: 'POST',
          body,
          headers: {
            origin: ORIGIN,
            'content-type': 'application/x-www-form-urlencoded',
            ...(cookie ? { cookie } : {}),
          },
        }),
      );
    };
    hub.signIn = async (email, password = DEMO_PASSWORD) => {
      const response = await hub.post('/sign-in', { email, password });
      const cookie = response.headers.get('set-cookie');
      if (response.status !== 302 || !cookie)
        throw new Error(`Sign-in as ${email} failed with ${response.status}`);
      return cookie.split(';')[0]!;
    };
  });
  return hub;
}
