import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCustomerIdentityStore, importCustomers, importInsights, openDatabase } from '@heard/db';
import { decideMatch, normaliseReference } from '@heard/domain';
import {
  generateCustomers,
  generateReferences,
  scoreDecisions,
  type TrueCustomer,
} from '../packages/db/src/customers/messy-customers';
import { type BenchResult, percentile, round } from './report';
import { loadReviewTexts } from './reviews';

const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
const cell = (v: string | number | null) => {
  const t = v === null ? '' : String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

async function writeCsv(
  file: string,
  header: string[],
  rows: Iterable<(string | number | null)[]>,
): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header.join(',')}\n`);
  for (const row of rows)
    if (!out.write(`${row.map(cell).join(',')}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) =>
    out.end((e: Error | null | undefined) => (e ? reject(e) : resolve())),
  );
}

function* customerRows(customers: TrueCustomer[]) {
  for (const c of customers) yield [c.crmId, c.name, c.kind, c.email, c.phone, c.domain, c.segment, c.value];
}

function* insightRows(count: number, customers: TrueCustomer[]) {
  const texts = loadReviewTexts() ?? [
    { title: '', body: 'They export their usage report by hand every Friday.' },
  ];
  const kinds = ['pain', 'request', 'praise', 'idea', 'observation', 'churn risk'];
  for (let i = 0; i < count; i++) {
    const t = texts[i % texts.length]!;
    const c = customers[(i * 7919) % customers.length]!;
    yield [
      `T-${i}`,
      t.title,
      `${t.body} (#${i})`,
      kinds[i % kinds.length]!,
      i % 3 === 0 ? 'negative' : 'neutral',
      c.crmId,
    ];
  }
}

/**
 * Imports 100,000 customers and 100,000 insights from CSV on a fresh embedded PostgreSQL (rows/s),
 * then measures matching at that size: precision, recall and time per reference.
 */
export async function benchCustomers(size: number, references: number): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'heard-bench-customers-'));
  const db = await openDatabase({ dataDir, log: quiet });
  try {
    const [admin] = await db.sql`
      insert into people (email, name, roles) values ('bench-admin@example.com', 'Bench Admin', '{admin}') returning id`;
    const customers = generateCustomers(size, 21);
    const customersCsv = path.join(dataDir, 'customers.csv');
    await writeCsv(
      customersCsv,
      ['id', 'name', 'kind', 'email', 'phone', 'domain', 'segment', 'value'],
      customerRows(customers),
    );
    const bar = (label: string) => (p: { lines: number }) =>
      process.stdout.write(`\r  ${label} ${p.lines.toLocaleString('en')} lines`);

    let began = performance.now();
    const imported = await importCustomers(db.sql, {
      filePath: customersCsv,
      source: 'crm',
      actorId: admin!.id as string,
      onProgress: bar('customers'),
    });
    const customerSeconds = (performance.now() - began) / 1000;
    process.stdout.write('\n');

    const insightsCsv = path.join(dataDir, 'insights.csv');
    await writeCsv(
      insightsCsv,
      ['id', 'title', 'text', 'kind', 'sentiment', 'customer id'],
      insightRows(size, customers),
    );
    began = performance.now();
    const heard = await importInsights(db.sql, {
      filePath: insightsCsv,
      source: 'crm',
      actorId: admin!.id as string,
      map: { customer_id: 'customer id' },
      onProgress: bar('insights'),
    });
    const insightSeconds = (performance.now() - began) / 1000;
    process.stdout.write('\n');
    await db.sql`vacuum analyze customers`;
    await db.sql`vacuum analyze customer_identifiers`;

    const store = createCustomerIdentityStore(db.sql);
    const refs = generateReferences(customers, references, 22);
    const indexOf = new Map<string, number>(
      (await db.sql`select customer_id, value from customer_identifiers where system = 'crm'`).map((r) => [
        r.customer_id as string,
        Number((r.value as string).slice(2)) - 100000,
      ]),
    );
    const times: number[] = [];
    const decisions = [];
    for (const { reference } of refs) {
      const t0 = performance.now();
      const ref = normaliseReference(reference, store.normalisePhone)!;
      const exact = ref.identifiers.length > 0 ? await store.findByIdentifiers(ref.identifiers) : [];
      const decision = decideMatch(
        ref,
        exact,
        exact.length === 0 ? await store.findSimilar(ref.nameKey, 5) : [],
      );
      times.push(performance.now() - t0);
      if (decision.kind === 'exact')
        decisions.push({
          outcome: 'linked' as const,
          customer: indexOf.get(decision.customerIds[0]!) ?? null,
        });
      else if (decision.kind === 'auto')
        decisions.push({
          outcome: 'linked' as const,
          customer: indexOf.get(decision.candidate.customer.id) ?? null,
        });
      else if (decision.kind === 'review')
        decisions.push({
          outcome: 'review' as const,
          customer: indexOf.get(decision.candidate.customer.id) ?? null,
        });
      else decisions.push({ outcome: 'new' as const, customer: null });
    }
    const figures = scoreDecisions(refs, decisions);
    times.sort((a, b) => a - b);
    const context = { customers: size, references: refs.length };
    return [
      {
        name: 'customers.import.rows_per_s.100k',
        value: round(size / customerSeconds, 0),
        unit: 'rows/s',
        context: { rows: size, seconds: round(customerSeconds), ...imported.run.counts },
      },
      {
        name: 'insights.import.rows_per_s.100k',
        value: round(size / insightSeconds, 0),
        unit: 'rows/s',
        context: { rows: size, seconds: round(insightSeconds), ...heard.run.counts },
      },
      {
        name: 'customers.match.precision.100k',
        value: round(figures.precision * 100, 1),
        unit: '%',
        context: { ...context, linked: figures.linked, wrong: figures.wrongLinks },
      },
      { name: 'customers.match.recall.100k', value: round(figures.recall * 100, 1), unit: '%', context },
      {
        name: 'customers.match.recall_with_review.100k',
        value: round(figures.recallWithReview * 100, 1),
        unit: '%',
        context: { ...context, queued: figures.queued },
      },
      {
        name: 'customers.match.ms_per_match.100k',
        value: round(times.reduce((s, t) => s + t, 0) / times.length, 2),
        unit: 'ms',
        context,
      },
      { name: 'customers.match.p95_ms.100k', value: round(percentile(times, 95), 2), unit: 'ms', context },
    ];
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
