import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { reindex } from '@heard/bot';
import { createDeps, openDatabase, seedDemo } from '@heard/db';
import { readScopeFor, type SearchFacet } from '@heard/domain';
import { createPostgresSearchIndex } from '@heard/search';
import { type BenchResult, percentile, round } from './report';
import { loadReviewTexts } from './reviews';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const FACETS: SearchFacet[] = ['kind', 'tag', 'team'];
const RUNS = 40;

const QUERIES_REVIEWS = { common: 'dress', rare: 'tuxedo', typo: 'fabirc', prefix: 'comfo' };
const QUERIES_GENERATED = { common: 'invoice', rare: 'tunnel', typo: 'invocie', prefix: 'onboa' };

/** Search at `size` insights on the PostgreSQL engine: indexing throughput, reindex time, query latency. */
export async function benchSearch(size: number): Promise<BenchResult[]> {
  // BENCH_KEEP_DATA=1 keeps the database afterwards, to study query plans at this size.
  const keep = process.env.BENCH_KEEP_DATA === '1';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-search-bench-'));
  const db = await openDatabase({ dataDir, log: quiet });
  try {
    // Real customer reviews, when present, give the insights real vocabulary to search.
    const reviews = loadReviewTexts();
    const seedBegan = performance.now();
    await seedDemo(db.sql, {
      insights: size,
      ...(reviews ? { texts: reviews } : {}),
      onProgress: (d, t) => process.stdout.write(`\r  seeding ${d}/${t}`),
    });
    const seedSeconds = (performance.now() - seedBegan) / 1000;
    process.stdout.write(` in ${seedSeconds.toFixed(1)} s\n`);
    const realWords = reviews !== null;
    process.stdout.write(
      `  vocabulary: ${realWords ? 'real customer reviews' : 'generated text (reviews not found)'}\n`,
    );
    const index = createPostgresSearchIndex(db.sql);
    const first = await reindex(db.sql, index, (d, t) => process.stdout.write(`\r  indexing ${d}/${t}`));
    process.stdout.write(` in ${first.seconds.toFixed(1)} s\n`);
    await db.sql`vacuum analyze`;
    const again = await reindex(db.sql, index, (d, t) => process.stdout.write(`\r  reindexing ${d}/${t}`));
    process.stdout.write(` in ${again.seconds.toFixed(1)} s\n`);
    const deps = createDeps(db.sql);
    const sam = (await deps.people.list()).find((p) => p.email === 'sam.carter@example.com')!;
    const scope = readScopeFor(sam);
    const queries = realWords ? QUERIES_REVIEWS : QUERIES_GENERATED;
    const results: BenchResult[] = [
      {
        name: `search.seed_insights_per_s.${size}`,
        value: round(size / seedSeconds, 0),
        unit: 'insights/s',
        context: { seconds: round(seedSeconds), texts: realWords ? 'customer reviews' : 'generated' },
      },
      {
        name: `search.index_docs_per_s.${size}`,
        value: round(first.indexed / first.seconds, 0),
        unit: 'docs/s',
        context: { engine: 'postgres' },
      },
      {
        name: `search.reindex_s.${size}`,
        value: round(again.seconds),
        unit: 's',
        context: { engine: 'postgres', note: 'full reindex over an existing index' },
      },
    ];
    for (const [kind, text] of Object.entries(queries)) {
      for (let i = 0; i < 3; i++) await index.search({ text, scope, facets: FACETS, limit: 20 });
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const began = performance.now();
        const result = await index.search({ text, scope, facets: FACETS, limit: 20 });
        times.push(performance.now() - began);
        total = result.total;
      }
      times.sort((a, b) => a - b);
      const context = {
        engine: 'postgres',
        query: text,
        matches: total,
        facets: FACETS.join('+'),
        scope: 'frontline (visibility filter)',
        // Other work on a shared machine inflates latency; this says how much there was.
        load: round(os.loadavg()[0]!),
      };
      results.push({
        name: `search.${kind}.p50_ms.${size}`,
        value: round(percentile(times, 50)),
        unit: 'ms',
        context,
      });
      results.push({
        name: `search.${kind}.p95_ms.${size}`,
        value: round(percentile(times, 95)),
        unit: 'ms',
        context,
      });
      console.log(
        `  ${kind} "${text}": p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms, ${total} matches`,
      );
    }
    return results;
  } finally {
    await db.close();
    if (keep) console.log(`  kept the database in ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  }
}
