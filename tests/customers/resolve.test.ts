import { createDeps } from '@heard/db';
import { buildCustomer, buildPerson, useTestDatabase } from '@heard/db/testing';
import { type Person, postInsight } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';

const database = useTestDatabase();
let sam: Person;

beforeAll(async () => {
  sam = await buildPerson(database.sql());
});

const post = (
  customers: Parameters<typeof postInsight>[1]['customers'],
  source: 'web' | 'slack' | 'api' = 'web',
) =>
  postInsight(createDeps(database.sql()), {
    actor: sam,
    body: 'They cannot find the export button.',
    kind: 'pain',
    sentiment: 'negative',
    source: { kind: source },
    customers,
  });

describe('customer references on posted insights (chat, web, API)', () => {
  it('links a reference to the customer holding the same email, however it is written', async () => {
    const known = await buildCustomer(database.sql(), {
      name: 'Anna Berg',
      kind: 'person',
      identifiers: [{ system: 'email', value: 'anna@acme.io' }],
    });
    const { insight } = await post([{ name: 'A. Berg', email: ' Anna@ACME.io ' }], 'slack');
    expect(insight.customerIds).toEqual([known.id]);
  });

  it('recognises a phone number written nationally as the same E.164 number', async () => {
    const known = await buildCustomer(database.sql(), {
      name: 'Bo Lind',
      kind: 'person',
      identifiers: [{ system: 'phone', value: '+442071234567' }],
    });
    const { insight } = await post([{ name: 'Bo', phone: '020 7123 4567' }], 'api');
    expect(insight.customerIds).toEqual([known.id]);
  });

  it('links an account by its normalised name and records the new identifier with where it came from', async () => {
    const known = await buildCustomer(database.sql(), { name: 'Northwind Traders GmbH' });
    const { insight } = await post([
      { name: 'NORTHWIND TRADERS, Ltd.', identifiers: [{ system: 'support', value: '8841' }] },
    ]);
    expect(insight.customerIds).toEqual([known.id]);
    const [id] =
      await database.sql()`select customer_id, source, added_by from customer_identifiers where system = 'support' and value = '8841'`;
    expect(id).toMatchObject({ customer_id: known.id, source: 'web', added_by: sam.id });
  });

  it('creates a customer nobody knows, and queues a pair for review when the name is only alike', async () => {
    const known = await buildCustomer(database.sql(), { name: 'Bluebird Logistics' });
    const { insight } = await post([{ name: 'Bluebird Logistic Partners' }]);
    const [created] = insight.customerIds;
    expect(created).not.toBe(known.id);
    const [review] =
      await database.sql()`select candidate_id, status, reasons from customer_reviews where customer_id = ${created!}`;
    expect(review).toMatchObject({ candidate_id: known.id, status: 'pending' });
    const { insight: fresh } = await post([{ name: 'Zebra Quarries' }]);
    const [row] = await database.sql()`select name, kind from customers where id = ${fresh.customerIds[0]!}`;
    expect(row).toEqual({ name: 'Zebra Quarries', kind: 'account' });
  });

  it('merges two customers that one reference proves to be the same (recorded, undoable)', async () => {
    const a = await buildCustomer(database.sql(), {
      name: 'Contoso',
      identifiers: [{ system: 'crm', value: 'C-77' }],
    });
    const b = await buildCustomer(database.sql(), {
      name: 'Contoso Support',
      identifiers: [{ system: 'support', value: 'S-77' }],
    });
    const { insight } = await post([
      {
        name: 'Contoso',
        identifiers: [
          { system: 'crm', value: 'C-77' },
          { system: 'support', value: 'S-77' },
        ],
      },
    ]);
    expect(insight.customerIds).toHaveLength(1);
    const [merge] =
      await database.sql()`select survivor_id, merged_id from customer_merges where merged_id = any(${[a.id, b.id]}::uuid[])`;
    expect([merge!.survivor_id, merge!.merged_id].sort()).toEqual([a.id, b.id].sort());
    expect(insight.customerIds[0]).toBe(merge!.survivor_id);
  });

  it('refuses a reference that names no customer, storing nothing', async () => {
    const [before] = await database.sql()`select count(*)::int as n from insights`;
    await expect(post([{ name: '  ', email: '' }])).rejects.toMatchObject({
      code: 'CUSTOMER.REFERENCE.EMPTY',
    });
    const [after] = await database.sql()`select count(*)::int as n from insights`;
    expect(after!.n).toBe(before!.n);
  });
});
