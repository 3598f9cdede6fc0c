import { buildCustomer, buildInsight } from '@heard/db/testing';
import { describe, expect, it } from 'vitest';
import { apiClient, createApiToken } from '../support/api';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub({ insights: 30 });
const ADMIN = 'maya.lindqvist@example.com';
const FRONTLINE = 'sam.carter@example.com';

const idOf = async (email: string) =>
  (await hub.db.sql`select id from people where email = ${email}`)[0]!.id as string;

describe('governance pages are for admins', () => {
  it('refuses everyone else with 403 and sends the signed-out to sign in', async () => {
    const cookie = await hub.signIn(FRONTLINE);
    for (const path of [
      '/admin/audit',
      '/admin/audit.csv',
      '/admin/retention',
      '/admin/erasure',
      '/admin/data-map',
    ]) {
      expect((await hub.get(path, cookie)).status, path).toBe(403);
      expect((await hub.get(path)).status, path).toBe(302);
    }
    expect((await hub.post('/admin/retention', { intent: 'run' }, cookie)).status).toBe(403);
  });
});

describe('the reporter sees what was masked and why', () => {
  it('posting text with an email lands on the insight, which names what was hidden and never shows it', async () => {
    const cookie = await hub.signIn(FRONTLINE);
    const response = await hub.post(
      '/post',
      {
        body: 'Tom (tom.walsh@example.com) was charged twice.',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'everyone',
      },
      cookie,
    );
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/insights\/[0-9a-f-]+\?protected=1$/);
    const page = await (await hub.get(location, cookie)).text();
    expect(page).toContain('We protected personal data in what you shared');
    expect(page).toContain('[email address hidden]');
    expect(page).toContain('An email address identifies a person');
    expect(page).not.toContain('tom.walsh@example.com');

    // An admin may see the original, and that read is in the audit log.
    const admin = await hub.signIn(ADMIN);
    const revealed = await (await hub.get(`${location.split('?')[0]}?reveal=pii`, admin)).text();
    expect(revealed).toContain('tom.walsh@example.com');
    expect(revealed).toContain('Who may read this and why');
    const id = location.split('/')[2]!.split('?')[0]!;
    expect(
      await hub.db
        .sql`select 1 from audit_events where action = 'insight.pii_revealed' and subject_id = ${id}`,
    ).toHaveLength(1);
  });

  it('a policy that rejects card numbers refuses the post with a message next to the text', async () => {
    const admin = await hub.signIn(ADMIN);
    const form: Record<string, string> = { intent: 'pii-policy' };
    for (const kind of ['email', 'phone', 'iban', 'national_id', 'address']) form[`${kind}.action`] = 'mask';
    form['card.action'] = 'reject';
    expect((await hub.post('/admin/retention', form, admin)).status).toBe(200);
    const cookie = await hub.signIn(FRONTLINE);
    const refused = await hub.post(
      '/post',
      {
        body: 'Her card 4111 1111 1111 1111 was declined.',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'everyone',
      },
      cookie,
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Remove the payment card number');
    form['card.action'] = 'mask';
    await hub.post('/admin/retention', form, admin);
  });
});

describe('admin pages', () => {
  it('audit: reading a restricted insight is recorded, found by search and exported as CSV', async () => {
    const sql = hub.db.sql;
    const frontlineId = await idOf(FRONTLINE);
    const restricted = await buildInsight(sql, {
      reporterId: frontlineId,
      visibility: { scope: 'people', personIds: [frontlineId] },
    });
    const admin = await hub.signIn(ADMIN);
    const page = await (await hub.get(`/insights/${restricted.id}`, admin)).text();
    expect(page).toContain('Restricted to 1 named person');
    const audit = await (
      await hub.get(`/admin/audit?action=insight.read&subject=${restricted.id}`, admin)
    ).text();
    expect(audit).toContain('Maya Lindqvist');
    expect(audit).toContain(restricted.id);
    const csv = await hub.get(`/admin/audit.csv?action=insight.read&subject=${restricted.id}`, admin);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_id,actor_name,action,subject_type,subject_id,details');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('insight.read');
    expect(await sql`select 1 from audit_events where action = 'audit.exported'`).toHaveLength(1);
  });

  it('reads of restricted insights through the REST API are recorded too, and intake masks API posts', async () => {
    const sql = hub.db.sql;
    const frontlineId = await idOf(FRONTLINE);
    const adminId = await idOf(ADMIN);
    const restricted = await buildInsight(sql, {
      reporterId: frontlineId,
      visibility: { scope: 'people', personIds: [frontlineId] },
    });
    const api = apiClient(hub, await createApiToken(hub, ADMIN));
    expect((await api.get(`/insights/${restricted.id}`)).status).toBe(200);
    const [read] = await sql`select details from audit_events
      where action = 'insight.read' and subject_id = ${restricted.id} and actor_id = ${adminId}`;
    expect(read!.details).toEqual({ visibility: 'people', via: 'api' });
    const posted = await api.post('/insights', {
      body: 'Reach Lee on (415) 555-0132 about renewal',
      kind: 'churn_risk',
      sentiment: 'negative',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.body).toBe('Reach Lee on [phone number hidden] about renewal');
  });

  it('retention: a bad policy is refused with what to fix; a run reports what it did', async () => {
    const admin = await hub.signIn(ADMIN);
    const bad = await hub.post(
      '/admin/retention',
      { intent: 'policy', data: 'insight_text', source: '', keepDays: '0', afterwards: 'delete' },
      admin,
    );
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('between 1 and 36,500');
    expect(text).toContain('can only be anonymised');
    const run = await hub.post('/admin/retention', { intent: 'run' }, admin);
    expect(await run.text()).toContain('Retention applied');
  });

  it('erasure: finds the customer, exports a zip, erases with a report of each place reached', async () => {
    const sql = hub.db.sql;
    const customer = await buildCustomer(sql, {
      name: 'Wilma Export',
      kind: 'person',
      identifiers: [{ system: 'email', value: 'wilma.export@example.com' }],
    });
    await buildInsight(sql, { body: 'Wilma Export wants PDF invoices.', customerIds: [customer.id] });
    const admin = await hub.signIn(ADMIN);
    const found = await (await hub.get('/admin/erasure?identifier=wilma.export%40example.com', admin)).text();
    expect(found).toContain('Wilma Export');
    const zip = await hub.get(`/admin/erasure/export?customer=${customer.id}`, admin);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const unconfirmed = await hub.post('/admin/erasure?identifier=x', { customerId: customer.id }, admin);
    expect(unconfirmed.status).toBe(422);
    const erased = await hub.post(
      '/admin/erasure?identifier=x',
      { customerId: customer.id, confirm: 'on' },
      admin,
    );
    const report = (await erased.text()).replace(/<!-- -->/g, '');
    expect(erased.status).toBe(200);
    expect(report).toContain('identifiers</strong>: 1');
    expect(report).toContain('found nowhere in the database or the search index');
    expect(await sql`select name from customers where id = ${customer.id}`).toEqual([
      { name: 'Erased customer' },
    ]);
  });

  it('data map: lists every kind of personal data with where, how long and who may read it', async () => {
    const admin = await hub.signIn(ADMIN);
    const page = await (await hub.get('/admin/data-map', admin)).text();
    for (const text of [
      'Masked originals',
      'pii_originals',
      'Audit log',
      '365 days, then anonymised',
      'Admins only',
    ])
      expect(page).toContain(text);
  });
});
