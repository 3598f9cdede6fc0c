// The bot with Slack on, in a process of its own for `pnpm bench slack`, so the load generator
// does not share its event loop. Slack's Web API is answered in this process; prints the URL.
import { createBotApp, createIntegrations, readBotConfig } from '@heard/bot';
import { openDatabase } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import pino from 'pino';
import { FakeSlack } from '../tests/slack/support/slack-api';
import { serveOnFreePort } from '../tests/support/serve';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

async function main(): Promise<void> {
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', log: quiet });
  const slack = new FakeSlack();
  slack.users.set(process.env.BENCH_SLACK_USER!, process.env.BENCH_SLACK_EMAIL!);
  slack.listen();
  // Only the count matters here; keeping every call would grow without bound under load.
  setInterval(() => slack.reset(), 1000).unref();
  const log = pino({ level: 'silent' });
  const { search } = createSearchEngines({ sql: db.sql, log: () => {} });
  const config = readBotConfig({
    SLACK_SIGNING_SECRET: process.env.BENCH_SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
  });
  const integrations = createIntegrations({ config, db, log, search, hubUrl: 'http://localhost:3000' });
  const app = createBotApp({ db, integrations: { slack: true, teams: false }, mount: integrations.mount });
  const server = await serveOnFreePort(app.fetch);
  process.stdout.write(`${server.url}\n`);
  process.on('SIGTERM', () => {
    void server
      .close()
      .then(() => integrations.stop())
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
