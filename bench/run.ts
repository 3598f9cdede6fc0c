import '../scripts/production-mode';
import { fileURLToPath } from 'node:url';
import { benchCustomers } from './customers.bench';
import { benchDigestBuild, benchDigestPacing } from './digests.bench';
import { benchFeed } from './feed.bench';
import { benchErasure, benchPiiScan } from './privacy.bench';
import { type BenchResult, writeReport } from './report';
import { benchSearch } from './search.bench';
import { benchSlack } from './slack.bench';
import { benchStartup } from './startup.bench';
import { benchTeams } from './teams.bench';
import { benchWeb } from './web.bench';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv[2];

/** `pnpm bench [startup|feed|search|teams|slack|digests|privacy|web|customers]`: runs the benchmarks and writes bench/results/latest.{json,md}. */
async function main(): Promise<void> {
  const results: BenchResult[] = [];
  if (!only || only === 'startup') {
    console.log('Timing pnpm start from a fresh clone…');
    results.push(...(await benchStartup(ROOT)));
  }
  if (!only || only === 'feed') {
    const insights = Number(process.env.BENCH_INSIGHTS ?? 100_000);
    console.log(`Timing the feed at ${insights.toLocaleString('en')} insights…`);
    results.push(...(await benchFeed(insights, Number(process.env.BENCH_REQUESTS ?? 300))));
  }
  if (!only || only === 'search') {
    for (const size of (process.env.BENCH_SEARCH_SIZES ?? '100000,1000000').split(',').map(Number)) {
      console.log(`Timing search at ${size.toLocaleString('en')} insights…`);
      results.push(...(await benchSearch(size)));
    }
  }
  if (!only || only === 'teams') {
    const insights = Number(process.env.BENCH_TEAMS_INSIGHTS ?? 10_000);
    console.log(`Timing Teams invokes at ${insights.toLocaleString('en')} insights…`);
    results.push(...(await benchTeams(insights, Number(process.env.BENCH_TEAMS_SECONDS ?? 10))));
  }
  if (!only || only === 'slack') {
    console.log('Timing Slack acknowledgements under 100 concurrent connections…');
    results.push(...(await benchSlack()));
  }
  if (!only || only === 'digests') {
    const insights = Number(process.env.BENCH_INSIGHTS ?? 100_000);
    const subscriptions = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10_000);
    console.log(
      `Timing digests: ${subscriptions.toLocaleString('en')} subscriptions over ${insights.toLocaleString('en')} insights…`,
    );
    results.push(...(await benchDigestBuild(insights, subscriptions)));
    console.log('Timing digest delivery pacing against a rate-limited endpoint…');
    results.push(...(await benchDigestPacing()));
  }
  if (!only || only === 'privacy') {
    console.log(
      'Timing the intake PII scan on real review texts and erasure of a customer with 1,000 insights…',
    );
    results.push(...benchPiiScan());
    results.push(...(await benchErasure(Number(process.env.BENCH_ERASURE_INSIGHTS ?? 1000))));
  }
  if (!only || only === 'web') {
    const insights = Number(process.env.BENCH_INSIGHTS ?? 100_000);
    console.log(
      `Timing feed, insight and goal pages under 50 users at ${insights.toLocaleString('en')} insights…`,
    );
    results.push(...(await benchWeb(insights, Number(process.env.BENCH_WEB_SECONDS ?? 10))));
  }
  if (!only || only === 'customers') {
    const size = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
    console.log(`Importing ${size.toLocaleString('en')} customers and insights from CSV, then matching…`);
    results.push(...(await benchCustomers(size, Number(process.env.BENCH_MATCHES ?? 2000))));
  }
  for (const r of results) console.log(`${r.name.padEnd(36)} ${String(r.value).padStart(10)} ${r.unit}`);
  await writeReport(`${ROOT}bench/results`, results);
  console.log('Wrote bench/results/latest.json and latest.md.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
