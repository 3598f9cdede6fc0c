import { applyRetention, listRetentionRuns, placeLegalHold, releaseLegalHold } from '@heard/db';
import { buildCustomer, buildInsight, buildPerson, useTestDatabase } from '@heard/db/testing';
import { describe, expect, it } from 'vitest';

const db = useTestDatabase();
const DAY = 86_400_000;
const NOW = new Date('2027-06-01T03:00:00Z');
const daysAgo = (n: number, from = NOW) => new Date(from.getTime() - n * DAY);

const RAW = 'Call Ben on +44 20 7946 0958 or ben@example.com about the double charge.';

describe('retention over simulated time', () => {
  it('anonymises raw chat text after 365 days, leaves younger text and other sources alone, and respects legal holds', async () => {
    const sql = db.sql();
    const admin = await buildPerson(sql, { roles: ['admin'] });
    const slack = {
      kind: 'slack' as const,
      url: 'https://example.slack.com/archives/C1/p1',
      externalId: null,
    };
    const due = await buildInsight(sql, { body: RAW, source: slack, createdAt: daysAgo(400) });
    const young = await buildInsight(sql, { body: RAW, source: slack, createdAt: daysAgo(100) });
    const web = await buildInsight(sql, { body: RAW, createdAt: daysAgo(400) });
    const heldInsight = await buildInsight(sql, { body: RAW, source: slack, createdAt: daysAgo(500) });
    const customer = await buildCustomer(sql);
    const heldThroughCustomer = await buildInsight(sql, {
      body: RAW,
      source: slack,
      createdAt: daysAgo(450),
      customerIds: [customer.id],
    });
    await placeLegalHold(sql, {
      subjectType: 'insight',
      subjectId: heldInsight.id,
      reason: 'Dispute 42',
      by: admin.id,
      at: daysAgo(1),
    });
    const customerHold = await placeLegalHold(sql, {
      subjectType: 'customer',
      subjectId: customer.id,
      reason: 'Litigation',
      by: admin.id,
      at: daysAgo(1),
    });

    const report = await applyRetention(sql, { now: NOW });
    const slackItem = report.items.find((i) => i.data === 'insight_text' && i.source === 'slack');
    expect(slackItem).toMatchObject({ keepDays: 365, afterwards: 'anonymise', affected: 1, held: 2 });

    const body = async (id: string) =>
      (await sql`select body, source_url from insights where id = ${id}`)[0]!;
    expect(await body(due.id)).toEqual({
      body: 'Call Ben on [phone number hidden] or [email address hidden] about the double charge.',
      source_url: null,
    });
    for (const kept of [young, web, heldInsight, heldThroughCustomer])
      expect((await body(kept.id)).body).toBe(RAW);
    expect(await sql`select reason from insight_anonymisations where insight_id = ${due.id}`).toEqual([
      { reason: 'retention' },
    ]);

    // A second run at the same instant has nothing left to do.
    const again = await applyRetention(sql, { now: NOW });
    expect(again.items.find((i) => i.data === 'insight_text' && i.source === 'slack')?.affected).toBe(0);

    // Three hundred days on, the younger insight is due; once the hold is released, so is the customer's.
    await releaseLegalHold(sql, customerHold!, admin.id, NOW);
    const later = new Date(NOW.getTime() + 300 * DAY);
    const third = await applyRetention(sql, { now: later });
    expect(third.items.find((i) => i.data === 'insight_text' && i.source === 'slack')).toMatchObject({
      affected: 2,
      held: 1,
    });
    expect((await body(young.id)).body).not.toContain('ben@example.com');
    expect((await body(heldThroughCustomer.id)).body).not.toContain('ben@example.com');
    expect((await body(heldInsight.id)).body).toBe(RAW);

    const runs = await listRetentionRuns(sql);
    expect(runs[0]).toMatchObject({ asOf: later.toISOString(), total: third.total });
    expect(await sql`select 1 from audit_events where action = 'retention.applied'`).toHaveLength(3);
    expect(
      await sql`select 1 from audit_events where action in ('legal_hold.placed', 'legal_hold.released')`,
    ).toHaveLength(3);
  });

  it('deletes notifications, chat receipts and kept originals once they are due, keeping the younger ones', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql);
    const at = new Date('2030-01-01T00:00:00Z');
    await sql`insert into notifications (person_id, kind, text, link, dedupe_key, created_at) values
      (${person.id}, 'test', 'old', '/', ${`old-${person.id}`}, ${daysAgo(366, at)}),
      (${person.id}, 'test', 'new', '/', ${`new-${person.id}`}, ${daysAgo(10, at)})`;
    await sql`insert into chat_receipts (platform, key, received_at) values
      ('slack', ${`r-old-${person.id}`}, ${daysAgo(31, at)}), ('slack', ${`r-new-${person.id}`}, ${daysAgo(1, at)})`;
    const insight = await buildInsight(sql, { reporterId: person.id, createdAt: daysAgo(10, at) });
    const [old] =
      await sql`insert into pii_findings (insight_id, field, kind, action, start_at, end_at, shown, reason, found_at)
      values (${insight.id}, 'body', 'email', 'masked', 0, 5, '[x]', 'r', ${daysAgo(91, at)}) returning id`;
    const [fresh] =
      await sql`insert into pii_findings (insight_id, field, kind, action, start_at, end_at, shown, reason, found_at)
      values (${insight.id}, 'body', 'email', 'masked', 0, 5, '[x]', 'r', ${daysAgo(5, at)}) returning id`;
    await sql`insert into pii_originals (finding_id, original, kept_at) values
      (${old!.id}, 'old@example.com', ${daysAgo(91, at)}), (${fresh!.id}, 'fresh@example.com', ${daysAgo(5, at)})`;

    const report = await applyRetention(sql, { now: at });
    const affected = Object.fromEntries(
      report.items.filter((i) => !i.source).map((i) => [i.data, i.affected]),
    );
    expect(affected.notifications).toBeGreaterThanOrEqual(1);
    expect(await sql`select text from notifications where person_id = ${person.id}`).toEqual([
      { text: 'new' },
    ]);
    expect(await sql`select key from chat_receipts where key like ${`%${person.id}`}`).toEqual([
      { key: `r-new-${person.id}` },
    ]);
    expect(
      await sql`select original from pii_originals where finding_id in (${old!.id}, ${fresh!.id})`,
    ).toEqual([{ original: 'fresh@example.com' }]);
  });
});
