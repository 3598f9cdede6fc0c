import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { reindex } from '@heard/bot';
import { eraseCustomer, findCustomersByIdentifier, openDatabase, seedDemo } from '@heard/db';
import { DEFAULT_PII_POLICY, guardText, scanPii } from '@heard/domain';
import { createSearchEngines } from '@heard/search';
import { type BenchResult, percentile, round } from './report';
import { loadReviewTexts } from './reviews';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };

/** Real review texts when the shared corpus is present, else sentences made up from a small vocabulary. */
function texts(): { source: string; bodies: string[] } {
  const reviews = loadReviewTexts();
  if (reviews) return { source: 'shared customer reviews', bodies: reviews.map((r) => r.body) };
  const words =
    'the fit runs small and the fabric feels cheap but the colour is lovely and shipping was fast'.split(' ');
  const bodies = Array.from({ length: 5000 }, (_, i) =>
    Array.from({ length: 20 + (i % 60) }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' '),
  );
  return { source: 'generated text (no shared reviews found)', bodies };
}

/** Intake scan cost per insight, and how often real text trips the scanner (a false-positive signal). */
export function benchPiiScan(): BenchResult[] {
  const { source, bodies } = texts();
  // Every tenth text carries contact details, as text pasted from chat sometimes does.
  const inputs = bodies.map((b, i) =>
    i % 10 === 0 ? `${b} Call me on +44 20 7946 0958 or write to jo.bloggs${i}@example.com.` : b,
  );
  for (const text of inputs.slice(0, 2000)) scanPii(text); // warm up the regular expressions
  const micros: number[] = [];
  let findingsInPlainText = 0;
  for (let i = 0; i < inputs.length; i++) {
    const began = process.hrtime.bigint();
    const guarded = guardText(inputs[i]!, DEFAULT_PII_POLICY);
    micros.push(Number(process.hrtime.bigint() - began) / 1000);
    if (i % 10 !== 0) findingsInPlainText += guarded.findings.length;
  }
  micros.sort((a, b) => a - b);
  const plain = inputs.length - Math.ceil(inputs.length / 10);
  const context = {
    texts: inputs.length,
    source,
    meanChars: Math.round(inputs.reduce((s, t) => s + t.length, 0) / inputs.length),
  };
  return [
    { name: 'privacy.pii_scan.p50_us', value: round(percentile(micros, 50), 1), unit: 'µs', context },
    { name: 'privacy.pii_scan.p99_us', value: round(percentile(micros, 99), 1), unit: 'µs', context },
    {
      name: 'privacy.pii_scan.findings_per_1000_plain_texts',
      value: round((findingsInPlainText / plain) * 1000, 2),
      unit: 'findings',
      context: {
        ...context,
        note: 'reviews without injected contact details: every finding here is likely spurious',
      },
    },
  ];
}

/** Erasing one customer with 1,000 insights, in a demo organisation, search index included. */
export async function benchErasure(insightsPerCustomer = 1000, customers = 3): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-privacy-'));
  const db = await openDatabase({ dataDir, log: quiet });
  try {
    await seedDemo(db.sql, { insights: 2000 });
    const { bodies } = texts();
    const [reporter] = await db.sql`select id from people order by email limit 1`;
    const timings: number[] = [];
    let steps = 0;
    const engines = createSearchEngines({ sql: db.sql, log: () => {} });
    for (let c = 0; c < customers; c++) {
      const email = `erase.me.${c}@example.com`;
      const [customer] = await db.sql`
        insert into customers (name, kind, segment, value) values (${`Erin Erasable ${c}`}, 'person', 'SMB', 1200) returning id`;
      await db.sql`insert into customer_identifiers (customer_id, system, value) values
        (${customer!.id}, 'email', ${email}), (${customer!.id}, 'crm', ${`CRM-90${c}1234`})`;
      const rows = Array.from({ length: insightsPerCustomer }, (_, i) => ({
        title: `Erin Erasable ${c} on sizing ${i}`,
        body: `${bodies[(c * insightsPerCustomer + i) % bodies.length]} (from ${email})`,
        kind: 'pain',
        sentiment: 'negative',
        source_kind: i % 2 ? 'slack' : 'web',
        reporter_id: reporter!.id,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        const inserted = await db.sql`insert into insights ${db.sql(rows.slice(i, i + 500))} returning id`;
        await db.sql`insert into insight_customers ${db.sql(inserted.map((r) => ({ insight_id: r.id, customer_id: customer!.id })))}`;
      }
    }
    for (const index of engines.writable) await reindex(db.sql, index);
    await db.sql`vacuum analyze`;
    for (let c = 0; c < customers; c++) {
      const [match] = await findCustomersByIdentifier(db.sql, `erase.me.${c}@example.com`);
      const began = performance.now();
      const report = await eraseCustomer(db.sql, match!, {
        actorId: null,
        at: new Date(),
        via: 'cli',
        searchIndexes: engines.writable,
      });
      timings.push(performance.now() - began);
      if (report.remaining.length > 0)
        throw new Error(`erasure left traces: ${JSON.stringify(report.remaining)}`);
      steps = report.steps.length;
      process.stdout.write(`\r  erased customer ${c + 1}/${customers}`);
    }
    process.stdout.write('\n');
    timings.sort((a, b) => a - b);
    const context = {
      insightsPerCustomer,
      customers,
      organisationInsights: 2000 + customers * insightsPerCustomer,
      steps,
      engine: 'postgres',
    };
    return [
      {
        name: 'privacy.erasure_1000_insights.median_ms',
        value: round(percentile(timings, 50), 0),
        unit: 'ms',
        context,
      },
      { name: 'privacy.erasure_1000_insights.max_ms', value: round(timings.at(-1)!, 0), unit: 'ms', context },
    ];
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
