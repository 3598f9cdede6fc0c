import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBotApp, createIntegrations, readBotConfig } from '@heard/bot';
import { openDatabase, seedDemo } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import autocannon from 'autocannon';
import pino from 'pino';
import { serveOnFreePort } from '../tests/support/serve';
import { APP_ID, createMicrosoftMock, SERVICE_URL, TENANT_ID } from '../tests/teams/support/microsoft';
import { type BenchResult, round } from './report';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const CONNECTIONS = 50;

/**
 * Teams invokes answered by the bot's real server: each request carries a bearer token signed
 * with a local RSA key (JWKS and Entra answered in-process), is authenticated, parsed by the
 * Agents SDK and answered from the database and search index. Teams gives an invoke 5 seconds.
 */
export async function benchTeams(insights: number, seconds: number): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-teams-'));
  const db = await openDatabase({ dataDir, log: quiet });
  const microsoft = createMicrosoftMock();
  await microsoft.start();
  try {
    await seedDemo(db.sql, {
      insights,
      onProgress: (done, total) => process.stdout.write(`\r  seeding ${done}/${total}`),
    });
    process.stdout.write('\n');
    await db.sql`vacuum analyze`;
    const aad = randomUUID();
    const [person] = await db.sql`update people set teams_aad_object_id = ${aad}
      where id = (select id from people where 'frontline' = any(roles) order by email limit 1) returning id`;
    if (!person) throw new Error('The demo organisation has no frontline person to act as.');
    const engines = createSearchEngines({ sql: db.sql, log: () => {} });
    const config = readBotConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'bench',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
    });
    const integrations = createIntegrations({
      config,
      db,
      log: pino({ level: 'silent' }),
      search: engines.search,
      hubUrl: 'https://heard.bench',
    });
    const app = createBotApp({ db, integrations: { slack: false, teams: true }, mount: integrations.mount });
    const server = await serveOnFreePort(app.fetch);
    const token = await microsoft.mock.token();
    const invoke = (name: string, value: unknown) =>
      JSON.stringify({
        type: 'invoke',
        id: `bench-${name}`,
        name,
        value,
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        from: { id: `29:${aad}`, aadObjectId: aad, name: 'Bench' },
        recipient: { id: `28:${APP_ID}`, name: 'Heard' },
        conversation: { id: '19:bench@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID } },
      });
    const scenarios = {
      share_dialog: invoke('composeExtension/fetchTask', {
        commandId: 'shareWithHeard',
        commandContext: 'message',
        messagePayload: {
          id: '1',
          body: { contentType: 'html', content: '<p>Acme cannot export invoices</p>' },
          from: { user: { displayName: 'Sam' } },
        },
      }),
      search_extension: invoke('composeExtension/query', {
        commandId: 'searchInsights',
        parameters: [{ name: 'searchQuery', value: 'export' }],
        queryOptions: { skip: 0, count: 10 },
      }),
    };
    const results: BenchResult[] = [];
    try {
      for (const [scenario, body] of Object.entries(scenarios)) {
        const warm = await fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        if (warm.status !== 200) throw new Error(`${scenario} answered ${warm.status}: ${await warm.text()}`);
        console.log(`  ${scenario}: ${CONNECTIONS} concurrent requests for ${seconds} s…`);
        const run = await autocannon({
          url: `${server.url}/api/messages`,
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
          connections: CONNECTIONS,
          duration: seconds,
        });
        if (run.non2xx > 0 || run.errors > 0)
          throw new Error(`${scenario}: ${run.non2xx} non-2xx answers, ${run.errors} errors`);
        // Shared machines are noisy; the load during the run says how much.
        const load = round(os.loadavg()[0] ?? 0, 1);
        const context = {
          insights,
          connections: CONNECTIONS,
          seconds,
          requests: run.requests.total,
          scenario,
          load,
        };
        results.push(
          { name: `teams.invoke.${scenario}.p50_ms`, value: round(run.latency.p50), unit: 'ms', context },
          { name: `teams.invoke.${scenario}.p99_ms`, value: round(run.latency.p99), unit: 'ms', context },
          {
            name: `teams.invoke.${scenario}.requests_per_s`,
            value: round(run.requests.average, 0),
            unit: 'req/s',
            context,
          },
        );
      }
    } finally {
      await server.close();
    }
    return results;
  } finally {
    microsoft.stop();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
