import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reindex } from '@heard/bot';
import {
  attachmentFilesIn,
  createDeps,
  customerExportZip,
  eraseCustomer,
  erasureNeedles,
  exportCustomer,
  findCustomersByIdentifier,
  findEverywhere,
} from '@heard/db';
import { buildCustomer, buildInsight, buildPerson, queuedJobs, useTestDatabase } from '@heard/db/testing';
import { mergeCustomers, unmergeCustomers } from '@heard/domain';
import { createSearchEngines } from '@heard/search';
import { describe, expect, it } from 'vitest';

const db = useTestDatabase();
const EMAIL = 'harriet.vance@example.com';
const NAME = 'Harriet Vance';
const ADMIN_SCOPE = { personId: '00000000-0000-0000-0000-000000000000', teamId: null, seesEverything: true };

async function aCustomerHeardEverywhere() {
  const sql = db.sql();
  const admin = await buildPerson(sql, { roles: ['admin'] });
  const reporter = await buildPerson(sql);
  const customer = await buildCustomer(sql, {
    name: NAME,
    kind: 'person',
    identifiers: [
      { system: 'email', value: EMAIL },
      { system: 'crm', value: 'CRM-771234' },
    ],
  });
  const about = await buildInsight(sql, {
    reporterId: reporter.id,
    title: `${NAME} was charged twice`,
    body: `${NAME} (${EMAIL}, CRM-771234) was charged twice after upgrading; she lives at 9 Oak Lane.`,
    customerIds: [customer.id],
    source: { kind: 'slack', url: 'https://example.slack.com/archives/C1/p2', externalId: null },
    attachments: [{ id: 'a1', fileName: 'invoice.png', contentType: 'image/png', sizeBytes: 10, url: null }],
  });
  await sql`insert into stories (insight_id, headline, summary, pull_quote, status, curator_id)
            values (${about.id}, ${`Why ${NAME} almost left`}, 'Double charges hurt.', ${`"${NAME}: never again"`}, 'published', ${admin.id})`;
  const [finding] =
    await sql`insert into pii_findings (insight_id, field, kind, action, start_at, end_at, shown, reason, found_at)
    values (${about.id}, 'body', 'phone', 'masked', 0, 5, '[phone number hidden]', 'r', now()) returning id`;
  await sql`insert into pii_originals (finding_id, original, kept_at) values (${finding!.id}, '+44 20 7946 0958', now())`;
  const evidenced = await buildInsight(sql, {
    reporterId: reporter.id,
    body: 'Invoices arrive late every month.',
  });
  await sql`insert into evidence (insight_id, customer_id, added_by, note)
            values (${evidenced.id}, ${customer.id}, ${reporter.id}, ${`${NAME} says the same; write to ${EMAIL}`})`;
  const mentions = await buildInsight(sql, { body: `Forwarded by ${EMAIL}: the export is slow.` });
  await sql`insert into chat_cards (platform, insight_id, channel, message_ref) values ('slack', ${about.id}, 'C1', '1700000000.1')`;
  await sql`insert into notifications (person_id, kind, text, link, dedupe_key)
            values (${reporter.id}, 'test', ${`${NAME} was charged twice`}, '/', ${`n-${about.id}`})`;
  await sql`insert into insight_comments (insight_id, author_id, body) values (${about.id}, ${admin.id}, ${`Spoke to ${NAME} today`})`;
  const [subscription] =
    await sql`insert into subscriptions (person_id, scope, cadence, local_time, time_zone, channel)
    values (${admin.id}, '{"kind":"all_stories"}', '{"kind":"weekly","weekday":1}', '08:00', 'UTC', 'web') returning id`;
  await sql`insert into digests (subscription_id, person_id, period_start, period_end, channel, status, content)
    values (${subscription!.id}, ${admin.id}, now() - interval '7 days', now(), 'web', 'sent',
            ${sql.json({ items: [{ insightId: about.id, title: `${NAME} was charged twice` }] })})`;
  return { admin, customer, about, evidenced, mentions };
}

describe('erasing a customer', () => {
  it('reaches every store, reports each place, and afterwards the identifier is found nowhere', async () => {
    const sql = db.sql();
    const { admin, customer, about, evidenced, mentions } = await aCustomerHeardEverywhere();
    const engines = createSearchEngines({ sql, log: () => {} });
    for (const index of engines.writable) await reindex(sql, index);
    expect((await engines.search.search({ text: 'Harriet', scope: ADMIN_SCOPE })).total).toBeGreaterThan(0);
    expect((await findEverywhere(sql, EMAIL)).length).toBeGreaterThan(3);

    const uploads = mkdtempSync(path.join(tmpdir(), 'heard-uploads-'));
    for (const name of ['a1.png', 'a1.thumb.webp', 'unrelated.png'])
      writeFileSync(path.join(uploads, name), 'x');

    const [match] = await findCustomersByIdentifier(sql, `email:${EMAIL.toUpperCase()}`);
    expect(match?.id).toBe(customer.id);
    const report = await eraseCustomer(sql, match!, {
      actorId: admin.id,
      at: new Date(),
      searchIndexes: engines.writable,
      via: 'web',
      attachmentFiles: attachmentFilesIn(uploads),
    });
    expect(existsSync(path.join(uploads, 'a1.png'))).toBe(false);
    expect(existsSync(path.join(uploads, 'a1.thumb.webp'))).toBe(false);
    expect(existsSync(path.join(uploads, 'unrelated.png'))).toBe(true);

    const count = (place: string) => report.steps.find((s) => s.place === place)?.count;
    expect(count('insights')).toBe(2);
    expect(count('stories')).toBe(1);
    expect(count('attachments')).toBe(1);
    expect(count('attachment files')).toBe(2);
    expect(count('masked originals')).toBe(1);
    expect(count('evidence notes')).toBe(1);
    expect(count('comments')).toBe(1);
    expect(count('identifiers')).toBe(2);
    expect(count('customer record')).toBe(1);
    expect(count('chat cards')).toBe(1);
    expect(count('digest archive')).toBe(1);
    expect(count('search index (postgres)')).toBe(3);
    expect(report.steps.some((s) => s.place === 'notifications.text')).toBe(true);
    expect(report.remaining).toEqual([]);

    // Searching for the erased values everywhere, the audit log included, finds nothing.
    for (const needle of [EMAIL, NAME, 'CRM-771234', '7946 0958']) {
      expect(await findEverywhere(sql, needle), needle).toEqual([]);
      expect((await engines.search.search({ text: needle, scope: ADMIN_SCOPE })).total, needle).toBe(0);
    }
    expect(await findCustomersByIdentifier(sql, EMAIL)).toEqual([]);

    // The learning stays: the insights, their kind and the customer's segment and counts.
    const [kept] = await sql`select body, kind from insights where id = ${about.id}`;
    expect(kept!.body).toContain('was charged twice after upgrading');
    expect(kept!.kind).toBe('pain');
    expect(await sql`select 1 from insight_customers where customer_id = ${customer.id}`).toHaveLength(1);
    expect((await sql`select evidence_count from insights where id = ${evidenced.id}`)[0]).toBeDefined();
    expect((await sql`select body from insights where id = ${mentions.id}`)[0]!.body).toBe(
      'Forwarded by [erased customer]: the export is slow.',
    );
    const [record] = await sql`select name, erased_at from customers where id = ${customer.id}`;
    expect(record!.name).toBe('Erased customer');
    expect(record!.erased_at).not.toBeNull();

    expect(
      await sql`select removed_at is not null as removed from chat_cards where insight_id = ${about.id}`,
    ).toEqual([{ removed: true }]);
    expect((await queuedJobs(sql)).map((j) => j.task)).toContain('remove-chat-cards');
    const [audit] =
      await sql`select details from audit_events where action = 'customer.erased' and subject_id = ${customer.id}`;
    expect(audit).toBeDefined();
  });

  it('reaches merge records (an undone merge too) and review-queue pairs: afterwards nothing names the customer', async () => {
    const sql = db.sql();
    const deps = createDeps(sql);
    const admin = await buildPerson(sql, { roles: ['admin'] });
    const odile = await buildCustomer(sql, {
      name: 'Odile Marchetti',
      kind: 'person',
      identifiers: [
        { system: 'email', value: 'odile.marchetti@example.org' },
        { system: 'crm', value: 'C-42' },
      ],
    });
    // A record of her under another name, merged into her for good…
    const alias = await buildCustomer(sql, {
      name: 'O. Marchetti-Sala',
      kind: 'person',
      identifiers: [{ system: 'support', value: 'SUP-9' }],
    });
    // …and a namesake she was merged into once, then taken apart again.
    const namesake = await buildCustomer(sql, {
      name: 'Odile Marchetti Foundation',
      identifiers: [{ system: 'crm', value: 'F-77' }],
    });
    const wrong = await mergeCustomers(deps, { actor: admin, survivorId: namesake.id, mergedId: odile.id });
    await unmergeCustomers(deps, { actor: admin, mergeId: wrong.id });
    const kept = await mergeCustomers(deps, { actor: admin, survivorId: odile.id, mergedId: alias.id });
    const other = await buildCustomer(sql, { name: 'Oda Marchand', kind: 'person' });
    await sql`insert into customer_reviews (customer_id, candidate_id, score, reasons, source)
              values (${odile.id}, ${other.id}, 0.6, ${sql.json(['names 0.60 alike'])}, 'web'),
                     (${other.id}, ${alias.id}, 0.58, ${sql.json(['names 0.58 alike'])}, 'web')`;
    const merges = () =>
      sql`select merged_row::text || moved::text as text from customer_merges where id = any(${[wrong.id, kept.id]}::uuid[])`;
    expect((await merges()).map((r) => r.text).join()).toContain('C-42');

    const [match] = await findCustomersByIdentifier(sql, 'odile.marchetti@example.org');
    const report = await eraseCustomer(sql, match!, {
      actorId: admin.id,
      at: new Date(),
      searchIndexes: [],
      via: 'web',
    });
    expect(report.remaining).toEqual([]);
    expect(report.steps.find((s) => s.place === 'merge records')?.count).toBe(2);
    expect(report.steps.find((s) => s.place === 'possible duplicates')?.count).toBe(2);

    // Every name she went by, her identifiers short and long, and her name's normal form: nowhere.
    for (const needle of ['Odile Marchetti', 'O. Marchetti-Sala', 'odile.marchetti@example.org'])
      expect(await findEverywhere(sql, needle, ['customers']), needle).toEqual([]);
    const merged = (await merges()).map((r) => r.text).join();
    for (const value of ['C-42', 'SUP-9', 'odile', 'marchetti'])
      expect(merged.toLowerCase(), value).not.toContain(value.toLowerCase());
    expect(
      await sql`select id from customer_reviews where ${[odile.id, alias.id]}::uuid[] && array[customer_id, candidate_id]`,
    ).toEqual([]);
    // The namesake is another customer: untouched, with its own identifier.
    expect(await findCustomersByIdentifier(sql, 'crm:F-77')).toMatchObject([
      { name: 'Odile Marchetti Foundation' },
    ]);
  });

  it('is refused while the customer is under a legal hold', async () => {
    const sql = db.sql();
    const admin = await buildPerson(sql, { roles: ['admin'] });
    const customer = await buildCustomer(sql, {
      identifiers: [{ system: 'email', value: 'held@example.com' }],
    });
    await sql`insert into legal_holds (subject_type, subject_id, reason, placed_by, placed_at)
              values ('customer', ${customer.id}, 'Court order 7', ${admin.id}, now())`;
    const [match] = await findCustomersByIdentifier(sql, 'held@example.com');
    await expect(
      eraseCustomer(sql, match!, { actorId: admin.id, at: new Date(), searchIndexes: [], via: 'cli' }),
    ).rejects.toThrow(/legal hold \("Court order 7"\)/);
    expect(await sql`select 1 from customer_identifiers where customer_id = ${customer.id}`).toHaveLength(1);
  });
});

describe('what an erasure looks for', () => {
  it('sweeps distinctive values as whole words and leaves other customers and short numbers alone', async () => {
    const sql = db.sql();
    const admin = await buildPerson(sql, { roles: ['admin'] });
    const erased = await buildCustomer(sql, {
      name: 'Nora Quill',
      kind: 'person',
      identifiers: [
        { system: 'email', value: 'nora.quill@example.com' },
        { system: 'support', value: '300012' },
      ],
    });
    const namesake = await buildCustomer(sql, {
      name: 'Nora Quill Trust',
      identifiers: [{ system: 'crm', value: 'NQ-1' }],
    });
    const unrelated = await buildInsight(sql, {
      body: 'Ticket 300012 and 3000123 were about the export; nora.quillish is a login.',
    });
    expect(erasureNeedles({ name: erased.name, identifiers: erased.identifiers })).toEqual([
      'Nora Quill',
      'nora.quill@example.com',
    ]);
    const [match] = await findCustomersByIdentifier(sql, 'nora.quill@example.com');
    const report = await eraseCustomer(sql, match!, {
      actorId: admin.id,
      at: new Date(),
      searchIndexes: [],
      via: 'web',
    });
    expect(report.remaining).toEqual([]);
    expect(await sql`select name from customers where id = ${namesake.id}`).toEqual([
      { name: 'Nora Quill Trust' },
    ]);
    expect((await sql`select body from insights where id = ${unrelated.id}`)[0]!.body).toBe(
      'Ticket 300012 and 3000123 were about the export; nora.quillish is a login.',
    );
  });
});

describe('exporting a customer', () => {
  it('gathers the record, identifiers, insights, evidence, comments and kept originals, as JSON in a zip', async () => {
    const sql = db.sql();
    const admin = await buildPerson(sql, { roles: ['admin'] });
    const customer = await buildCustomer(sql, {
      name: 'Otto Export',
      kind: 'person',
      identifiers: [{ system: 'email', value: 'otto@example.com' }],
    });
    const insight = await buildInsight(sql, {
      body: 'Otto wants invoices in PDF.',
      customerIds: [customer.id],
      attachments: [{ id: 'f1', fileName: 'mail.txt', contentType: 'text/plain', sizeBytes: 5, url: null }],
    });
    const [match] = await findCustomersByIdentifier(sql, 'otto@example.com');
    const data = await exportCustomer(sql, match!, {
      actorId: admin.id,
      at: new Date(),
      via: 'web',
      readAttachment: async (a) => (a.id === 'f1' ? Buffer.from('hello') : null),
    });
    expect(data.json.customer).toMatchObject({ name: 'Otto Export' });
    expect(data.json.identifiers).toMatchObject([{ system: 'email', value: 'otto@example.com' }]);
    expect(data.json.insights).toMatchObject([{ id: insight.id, body: 'Otto wants invoices in PDF.' }]);
    expect(data.attachments.map((a) => a.path)).toEqual([`attachments/${insight.id}/f1-mail.txt`]);
    const chunks: Buffer[] = [];
    for await (const chunk of customerExportZip(data)) chunks.push(chunk as Buffer);
    const zip = Buffer.concat(chunks);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('customer.json'))).toBe(true);
    expect(zip.includes(Buffer.from(`attachments/${insight.id}/f1-mail.txt`))).toBe(true);
    expect(
      await sql`select 1 from audit_events where action = 'customer.exported' and subject_id = ${customer.id}`,
    ).toHaveLength(1);
  });
});
