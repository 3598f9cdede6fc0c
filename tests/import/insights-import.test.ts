import { ImportRefused, importInsights } from '@heard/db';
import { buildCustomer, buildPerson, queuedJobs, useTestDatabase } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFile } from './files';

const database = useTestDatabase();
let curator: Person;

beforeAll(async () => {
  curator = await buildPerson(database.sql(), { roles: ['curator'] });
});

const run = (filePath: string, options: Partial<Parameters<typeof importInsights>[1]> = {}) =>
  importInsights(database.sql(), { filePath, source: 'zendesk', actorId: curator.id, ...options });

describe('importing insights from a help desk or survey export', () => {
  it('posts each row as an insight from "import", matching its customer, with one audit entry and event each', async () => {
    const acme = await buildCustomer(database.sql(), {
      name: 'Acme Inc',
      value: 50_000,
      identifiers: [{ system: 'email', value: 'anna@acme.io' }],
    });
    const file = csvFile(
      'Ticket ID,Subject,Comment,Type,Sentiment,Requester email,Requester,Tags,Created\n' +
        'T-1,Export missing,"They export by hand, every Friday.",Feature request,neg,ANNA@acme.io,Anna,"export;reports",2024-05-31T10:00:00Z\n' +
        'T-2,,Love the new dashboard,compliment,5,,Bright Labs,,2024-06-01\n',
    );
    const summary = await run(file);
    expect(summary.run.counts).toMatchObject({
      created: 2,
      matched: 0,
      rejected: 0,
      'customers matched': 1,
      'customers created': 1,
    });
    const rows = await database.sql()`
      select i.title, i.kind, i.sentiment, i.tags, i.source_kind, i.source_external_id, i.reporter_id, i.created_at, i.customer_value,
             (select array_agg(c.name) from insight_customers ic join customers c on c.id = ic.customer_id where ic.insight_id = i.id) as customers
      from insights i where i.source_kind = 'import' order by i.source_external_id`;
    expect(rows).toMatchObject([
      {
        title: 'Export missing',
        kind: 'request',
        sentiment: 'negative',
        tags: ['export', 'reports'],
        source_external_id: 'zendesk:T-1',
        reporter_id: curator.id,
        customer_value: '50000.00',
        customers: [acme.name],
      },
      { title: 'Love the new dashboard', kind: 'praise', sentiment: 'positive', customers: ['Bright Labs'] },
    ]);
    expect(rows[0]!.created_at.toISOString()).toBe('2024-05-31T10:00:00.000Z');
    const events = (await queuedJobs(database.sql())).filter((j) => j.payload.type === 'insight.posted');
    expect(events).toHaveLength(2);
    const [audit] =
      await database.sql()`select count(*)::int as n from audit_events where action = 'insight.posted' and actor_id = ${curator.id}`;
    expect(audit!.n).toBe(2);
  });

  it('imports the same file again without doubling insights, with or without an id column', async () => {
    const withIds = 'id,text\nX-1,First thing heard\nX-2,Second thing heard\n';
    await run(csvFile(withIds));
    expect((await run(csvFile(withIds))).run.counts).toMatchObject({ created: 0, matched: 2 });
    const noIds = 'text,customer\nNo id here,Plain Customer\n';
    await run(csvFile(noIds));
    expect((await run(csvFile(noIds))).run.counts).toMatchObject({ created: 0, matched: 1 });
  });

  it('rejects rows the rules of posting refuse, with line and reason, and imports the rest', async () => {
    const long = 'x'.repeat(20_001);
    const file = csvFile(
      `text,kind,sentiment,date\n${long},pain,negative,\n   ,pain,negative,\nFine,weird,negative,\nFine too,pain,furious,\nOK,pain,neutral,yesterday-ish\nKept,idea,mixed,\n`,
    );
    const summary = await run(file);
    expect(summary.run.counts).toMatchObject({ created: 1, rejected: 5 });
    expect(summary.run.rejections).toEqual([
      { line: 2, reason: 'The text is 20,001 characters; the limit is 20,000.' },
      { line: 3, reason: 'The text is empty: write something.' },
      { line: 4, reason: expect.stringContaining('kind "weird" is not one of') },
      { line: 5, reason: expect.stringContaining('sentiment "furious" is not one of') },
      { line: 6, reason: expect.stringContaining('date "yesterday-ish" is not a date') },
    ]);
  });

  it('refuses a file with no text column before importing anything', async () => {
    const refused = await run(csvFile('id,customer\n1,Acme\n')).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect(refused.message).toContain('No column holds the text (body, required)');
  });
});
