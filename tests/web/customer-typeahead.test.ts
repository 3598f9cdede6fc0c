import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let sam: string;
let customer: { id: string; name: string; identifier: string };

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  const [row] = await hub.db.sql`select c.id, c.name, ci.system || ':' || ci.value as identifier, ci.value
    from customers c join customer_identifiers ci on ci.customer_id = c.id order by c.name limit 1`;
  customer = { id: row!.id, name: row!.name, identifier: row!.value };
});

describe('the customer type-ahead on the post form', () => {
  it('suggests customers by part of their name, and by an identifier', async () => {
    const byName = await hub.get(`/customer-suggest?q=${encodeURIComponent(customer.name.slice(0, 5))}`, sam);
    expect(byName.status).toBe(200);
    const names = ((await byName.json()) as { customers: { id: string; name: string }[] }).customers;
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(8);
    expect(names.map((c) => c.id)).toContain(customer.id);
    const byId = await hub.get(`/customer-suggest?q=${encodeURIComponent(customer.identifier)}`, sam);
    expect(((await byId.json()) as { customers: { id: string }[] }).customers.map((c) => c.id)).toContain(
      customer.id,
    );
    expect((await hub.get('/customer-suggest?q=x')).status).toBe(302);
  });

  it('renders the field as an accessible combobox', async () => {
    const html = await (await hub.get('/post', sam)).text();
    const input = html.match(/<input[^>]*role="combobox"[^>]*>/)?.[0] ?? '';
    expect(input).toContain('name="customer"');
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toMatch(/role="listbox"/);
  });

  it('without JavaScript, resolves the typed name to the customer', async () => {
    const response = await hub.post(
      '/post',
      {
        body: 'Typed the customer by hand',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'everyone',
        customer: customer.name,
      },
      sam,
    );
    expect(response.status).toBe(302);
    const [row] = await hub.db
      .sql`select ic.customer_id from insights i join insight_customers ic on ic.insight_id = i.id
      where i.body = 'Typed the customer by hand'`;
    expect(row?.customer_id).toBe(customer.id);
  });

  it('says when the typed text matches no customer, keeping what was typed', async () => {
    const response = await hub.post(
      '/post',
      {
        body: 'Unknown customer',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'everyone',
        customer: 'Zzyzx Qwerty Holdings',
      },
      sam,
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('No customer matches “Zzyzx Qwerty Holdings”');
    expect(html).toContain('value="Zzyzx Qwerty Holdings"');
    expect(html).toContain('>Unknown customer</textarea>');
  });
});
