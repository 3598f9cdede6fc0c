// One web hub process started by `startWebProcesses`: it serves the hub on the port it shares with
// its siblings (node:cluster hands each one connections in turn), against the PostgreSQL the first
// process opened. The first process alone migrates, seeds, prepares search and runs jobs and the bot.
import './production-mode';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connect, DEMO_PASSWORD, demoSignIns } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import { createWebApp, loadServerBuild, readOidcSettings, readWebConfig } from '@heard/web';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { listen } from './start-helpers';
import { WEB_PROCESS_SETTINGS, type WebProcessMessage, type WebProcessSettings } from './web-processes';

async function main(): Promise<void> {
  const settings = JSON.parse(process.env[WEB_PROCESS_SETTINGS] ?? '{}') as WebProcessSettings;
  const web = readWebConfig();
  const log = pino({ level: settings.logLevel });
  const sql = connect(settings.databaseUrl, { max: settings.poolSize, applicationName: 'heard-web' });
  const db = { url: settings.databaseUrl, sql, close: () => sql.end({ timeout: 5 }) };
  const { search } = createSearchEngines({
    sql,
    meiliUrl: web.MEILI_URL,
    meiliApiKey: web.MEILI_API_KEY,
    log: (m) => log.warn(m),
  });
  const app = createWebApp({
    db,
    search,
    build: await loadServerBuild(settings.serverBuild),
    log,
    demo: settings.demo ? { signIns: demoSignIns(), password: DEMO_PASSWORD } : null,
    secureCookies: web.PUBLIC_URL?.startsWith('https:'),
    mail: { smtpUrl: web.SMTP_URL, from: web.MAIL_FROM },
    publicUrl: web.PUBLIC_URL,
    uploadsDir: web.HEARD_UPLOADS_DIR ?? join(web.HEARD_DATA_DIR, 'uploads'),
    oidc: readOidcSettings(),
  });
  // Server time of each request, from the request to the last byte of its answer (asked for by the bench).
  const samples: number[] = [];
  const fetch = settings.timings
    ? async (request: Request) => {
        const began = performance.now();
        const response = await app.fetch(request);
        const body = await response.arrayBuffer();
        samples.push(performance.now() - began);
        return new Response(body, response);
      }
    : app.fetch;
  const server = await listen(serve, fetch, settings.port, 'web hub', settings.hostname);
  const stop = async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
    process.exit(0);
  };
  // Ctrl-C reaches every process of the terminal; the first process decides when each one stops,
  // after its last requests and before the database does.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => void stop());
  process.on('message', (message: WebProcessMessage) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'timings') {
      process.send?.({ type: 'timings', samples: samples.splice(0), cpuMs: cpuMs() });
    }
  });
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
}

function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

if (cluster.isWorker) {
  main().catch((error) => {
    process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
