import './production-mode';
import { join } from 'node:path';
import {
  createBotApp,
  createIntegrations,
  describeIntegrations,
  readBotConfig,
  startWorker,
} from '@heard/bot';
import { DEMO_PASSWORD, demoSignIns, openDatabase, progressBar, seedDemo } from '@heard/db';
import { createWebApp, loadServerBuild, readOidcSettings, readWebConfig } from '@heard/web';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { setUpSearch } from './search-setup';
import { hasDemoPeople, listen, printBanner } from './start-helpers';
import { ensureWebBuild } from './web-build';
import { startWebProcesses, webProcessCount } from './web-processes';

/** `pnpm start`: database (embedded unless DATABASE_URL), demo seed on first run, jobs, web and bot. */
async function main(): Promise<void> {
  const began = performance.now();
  const web = readWebConfig();
  const oidc = readOidcSettings();
  const webProcesses = webProcessCount();
  ensureWebBuild();
  const bot = readBotConfig();
  const log = pino({ level: web.LOG_LEVEL === 'info' ? 'warn' : web.LOG_LEVEL });
  console.log(
    web.DATABASE_URL
      ? 'Connecting to PostgreSQL…'
      : `Starting the embedded PostgreSQL in ${web.HEARD_DATA_DIR}…`,
  );
  const db = await openDatabase({
    databaseUrl: web.DATABASE_URL,
    dataDir: web.HEARD_DATA_DIR,
    log: { info: (m) => console.log(m), warn: (m) => log.warn(m), debug: (m) => log.debug(m) },
  });
  const stops: (() => Promise<unknown>)[] = [() => db.close()];
  const shutdown = async (code: number) => {
    for (const stop of stops.reverse())
      await stop().catch((error) => log.error({ err: error }, 'while stopping'));
    process.exit(code);
  };
  // Kept installed (not `once`): a second Ctrl-C while stopping exits at once, and the embedded
  // PostgreSQL's own exit hook still stops the server synchronously.
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
    // Ctrl-C also reaches the embedded PostgreSQL directly; its closing connections are not news.
    log.level = 'silent';
    void shutdown(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const seeded = await seedDemo(db.sql, { onProgress: progressBar('Seeding the demo organisation') });
    if (seeded.seeded)
      console.log(
        `\nSeeded ${seeded.people} people, ${seeded.customers} customers and ${seeded.insights} insights.`,
      );
    const search = await setUpSearch(db, web, (m) => log.warn(m));
    const integrations = createIntegrations({
      config: bot,
      db,
      log,
      search: search.search,
      hubUrl: web.PUBLIC_URL ?? `http://localhost:${web.PORT}`,
    });
    stops.push(() => integrations.stop());
    const worker = await startWorker(db, log, {
      searchIndexes: search.writable,
      tasks: integrations.tasks,
      crontab: integrations.crontab,
    });
    stops.push(() => worker.stop());
    const demo = (await hasDemoPeople(db.sql)) ? { signIns: demoSignIns(), password: DEMO_PASSWORD } : null;
    if (webProcesses === 1) {
      const webApp = createWebApp({
        db,
        search: search.search,
        build: await loadServerBuild(),
        log,
        demo,
        secureCookies: web.PUBLIC_URL?.startsWith('https:'),
        mail: { smtpUrl: web.SMTP_URL, from: web.MAIL_FROM },
        publicUrl: web.PUBLIC_URL,
        uploadsDir: web.HEARD_UPLOADS_DIR ?? join(web.HEARD_DATA_DIR, 'uploads'),
        oidc,
      });
      const webServer = await listen(serve, webApp.fetch, web.PORT, 'web hub');
      stops.push(() => new Promise((resolve) => webServer.close(resolve)));
    } else {
      // Each process reads the same settings from the environment; the database is the one opened here.
      const processes = await startWebProcesses(webProcesses, {
        databaseUrl: db.url,
        port: web.PORT,
        demo: demo !== null,
        logLevel: log.level,
        poolSize: 10,
      });
      stops.push(() => processes.stop());
    }
    const botServer = await listen(
      serve,
      createBotApp({
        db,
        integrations: { slack: bot.slack, teams: bot.teams },
        mount: integrations.mount,
      }).fetch,
      bot.BOT_PORT,
      'bot',
    );
    stops.push(() => new Promise((resolve) => botServer.close(resolve)));
    printBanner({
      web: web.PORT,
      webProcesses,
      bot: bot.BOT_PORT,
      integrations: describeIntegrations(bot),
      demo,
      seconds: (performance.now() - began) / 1000,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
