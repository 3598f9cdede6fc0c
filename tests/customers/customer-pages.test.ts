import { buildCustomer } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useWebHub } from '../support/web-hub';

const hub = useWebHub();
let lea: string; // curator
let sam: string; // frontline
let maya: string; // leader and admin

beforeAll(async () => {
  lea = await hub.signIn('lea.moreau@example.com');
  sam = await hub.signIn('sam.carter@example.com');
  maya = await hub.signIn('maya.lindqvist@example.com');
});

describe('the customer page: identifiers with their sources, merges and value', () => {
  it('says where each identifier came from', async () => {
    const customer = await buildCustomer(hub.db.sql, { name: 'Provenance Ltd' });
    await hub.db.sql`
      insert into customer_identifiers (customer_id, system, value, source, source_detail)
      values (${customer.id}, 'billing', '88-311', 'import:billing', 'accounts.csv line 12')`;
    const page = await (await hub.get(`/customers/${customer.id}`, sam)).text();
    expect(page).toContain('billing<!-- -->:<!-- -->88-311');
    expect(page).toContain('import from billing');
    expect(page).toContain('accounts.csv line 12');
    expect(page).not.toContain('Merge into this customer');
  });

  it('lets a curator merge another record in by name, and undo it', async () => {
    const survivor = await buildCustomer(hub.db.sql, {
      name: 'Tangerine Freight',
      value: null,
      segment: null,
    });
    const other = await buildCustomer(hub.db.sql, {
      name: 'Tangerine Freight Support',
      value: 40_000,
      identifiers: [{ system: 'support', value: 'TF-1' }],
    });
    const merged = await hub.post(
      `/customers/${survivor.id}`,
      { intent: 'merge', other: 'Tangerine Freight Support' },
      lea,
    );
    expect(merged.status).toBe(200);
    expect(await merged.text()).toContain('Tangerine Freight Support is now part of this customer');
    const page = await (await hub.get(`/customers/${survivor.id}`, lea)).text();
    expect(page).toContain('support<!-- -->:<!-- -->TF-1');
    expect(page).toContain('40,000');
    const [merge] = await hub.db.sql`select id from customer_merges where merged_id = ${other.id}`;
    const undone = await hub.post(
      `/customers/${survivor.id}`,
      { intent: 'unmerge', mergeId: merge!.id },
      lea,
    );
    expect(await undone.text()).toContain('Merge undone');
    expect((await hub.get(`/customers/${other.id}`, lea)).status).toBe(200);
  });

  it('asks which customer when a name matches several, and refuses frontline staff', async () => {
    const survivor = await buildCustomer(hub.db.sql, { name: 'Quasar Optics' });
    await buildCustomer(hub.db.sql, { name: 'Quasar Optical One' });
    await buildCustomer(hub.db.sql, { name: 'Quasar Optical Two' });
    const ask = await hub.post(
      `/customers/${survivor.id}`,
      { intent: 'merge', other: 'Quasar Optical' },
      lea,
    );
    expect(ask.status).toBe(422);
    const text = await ask.text();
    expect(text).toContain('Several customers match');
    expect(text).toContain('Quasar Optical Two');
    const refused = await hub.post(
      `/customers/${survivor.id}`,
      { intent: 'merge', other: 'Quasar Optical One' },
      sam,
    );
    expect(refused.status).toBe(403);
  });

  it('saves a segment and a yearly value, and says what to fix in a bad one', async () => {
    const customer = await buildCustomer(hub.db.sql, { name: 'Value Works', value: null });
    const bad = await hub.post(
      `/customers/${customer.id}`,
      { intent: 'value', segment: 'Enterprise', value: 'lots' },
      lea,
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Write the yearly value as a number');
    await hub.post(
      `/customers/${customer.id}`,
      { intent: 'value', segment: 'Enterprise', value: '250000' },
      lea,
    );
    const [row] = await hub.db.sql`select segment, value from customers where id = ${customer.id}`;
    expect(row).toEqual({ segment: 'Enterprise', value: '250000.00' });
  });
});

describe('the review queue', () => {
  it('shows both records side by side to curators, and merges a confirmed pair', async () => {
    const known = await buildCustomer(hub.db.sql, {
      name: 'Helios Dental',
      identifiers: [{ system: 'crm', value: 'H-1' }],
    });
    const newcomer = await buildCustomer(hub.db.sql, {
      name: 'Helios Dentl',
      identifiers: [{ system: 'support', value: 'H-9' }],
    });
    const [review] = await hub.db.sql`
      insert into customer_reviews (customer_id, candidate_id, score, reasons, source)
      values (${newcomer.id}, ${known.id}, 0.74, '["names 74% alike"]', 'slack') returning id`;
    expect((await hub.get('/customers/review', sam)).status).toBe(403);
    const page = await (await hub.get('/customers/review', lea)).text();
    expect(page).toContain('Helios Dentl');
    expect(page).toContain('Helios Dental');
    expect(page).toMatch(/74(<!-- -->)? % alike/);
    const confirmed = await hub.post('/customers/review', { reviewId: review!.id, decision: 'confirm' }, lea);
    expect(await confirmed.text()).toContain('Merged.');
    const [gone] = await hub.db.sql`select count(*)::int as n from customers where id = ${newcomer.id}`;
    expect(gone!.n).toBe(0);
  });
});

describe('customers by value', () => {
  it('shows leaders the share of value and of what is heard per band, and refuses frontline staff', async () => {
    expect((await hub.get('/customers/value', sam)).status).toBe(403);
    const response = await hub.get('/customers/value', maya);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Top 1 %');
    expect(page).toContain('<svg');
    expect(page).toMatch(/The top 20 % of customers bring <strong>\d+(\.\d)? %<\/strong> of the value/);
  });
});

describe('the import page', () => {
  it('takes an upload from an admin, shows progress and the summary with rejected lines', async () => {
    expect((await hub.get('/import', lea)).status).toBe(403);
    const form = new FormData();
    form.set('kind', 'customers');
    form.set('source', 'Pipedrive');
    form.set('mapping', 'name = Org');
    form.set(
      'file',
      new File(['Org,Email\nUpload Co,up@upload.example\nUpload Co,up@upload.example\n'], 'orgs.csv', {
        type: 'text/csv',
      }),
    );
    const response = await hub.app.request(`${ORIGIN}/import`, {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, cookie: maya },
    });
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/import\/[0-9a-f-]{36}$/);
    let page = '';
    for (let i = 0; i < 100 && !page.includes('Done.'); i++) {
      page = await (await hub.get(location, maya)).text();
      if (!page.includes('Done.')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(page).toContain('Done.');
    expect(page).toContain('created 1');
    expect(page).toContain('repeats line 2 exactly');
  });

  it('says what to fix when no file or kind is given', async () => {
    const form = new FormData();
    form.set('source', 'x');
    const response = await hub.app.request(`${ORIGIN}/import`, {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, cookie: maya },
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain('Choose a CSV file to import.');
    expect(text).toContain('Choose whether the file holds customers or insights.');
  });
});
