import { describe, expect, it } from 'vitest';
import { buildCustomer, useTestDatabase } from '../testing';
import { createCustomerRepository } from './customer.repository';

const db = useTestDatabase();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('customer repository', () => {
  it('finds a customer with every identifier, ordered by system', async () => {
    const sql = db.sql();
    const built = await buildCustomer(sql, {
      name: 'Acme Logistics GmbH',
      kind: 'account',
      segment: 'Mid-market',
      value: 48_250.5,
      identifiers: [
        { system: 'support', value: '88410' },
        { system: 'crm', value: 'C-1042' },
      ],
    });
    expect(await createCustomerRepository(sql).findById(built.id)).toEqual({
      id: built.id,
      name: 'Acme Logistics GmbH',
      kind: 'account',
      segment: 'Mid-market',
      value: 48_250.5,
      identifiers: [
        { system: 'crm', value: 'C-1042' },
        { system: 'support', value: '88410' },
      ],
    });
  });

  it('keeps a customer without identifiers, segment or value', async () => {
    const sql = db.sql();
    const built = await buildCustomer(sql, { kind: 'person', identifiers: [], segment: null, value: null });
    expect(await createCustomerRepository(sql).findById(built.id)).toEqual({
      id: built.id,
      name: built.name,
      kind: 'person',
      segment: null,
      value: null,
      identifiers: [],
    });
  });

  it('answers null or nothing for unknown and malformed ids instead of throwing', async () => {
    const sql = db.sql();
    const acme = await buildCustomer(sql);
    const customers = createCustomerRepository(sql);
    expect(await customers.findById(UNKNOWN)).toBeNull();
    expect(await customers.findById('C-1042')).toBeNull();
    expect((await customers.findByIds([acme.id, UNKNOWN, 'C-1042'])).map((c) => c.id)).toEqual([acme.id]);
    expect(await customers.findByIds(['C-1042'])).toEqual([]);
  });

  describe('search', () => {
    it('finds customers by part of their name, whatever its case', async () => {
      const sql = db.sql();
      const kestrel = await buildCustomer(sql, { name: 'Kestrel Dental Ltd' });
      const other = await buildCustomer(sql, { name: 'Quarry Bakery Inc' });
      const customers = createCustomerRepository(sql);
      const ids = (await customers.search('dental', 10)).map((c) => c.id);
      expect(ids).toContain(kestrel.id);
      expect(ids).not.toContain(other.id);
      expect((await customers.search('  KESTREL  ', 10)).map((c) => c.id)).toContain(kestrel.id);
    });

    it('finds a customer by the beginning of any identifier, but not by its middle', async () => {
      const sql = db.sql();
      const harbor = await buildCustomer(sql, {
        name: 'Harbor Freight AB',
        identifiers: [
          { system: 'crm', value: 'HF-77123' },
          { system: 'billing', value: '88-512-9' },
        ],
      });
      const customers = createCustomerRepository(sql);
      expect((await customers.search('HF-771', 10)).map((c) => c.id)).toEqual([harbor.id]);
      expect((await customers.search('hf-771', 10)).map((c) => c.id)).toEqual([harbor.id]);
      expect((await customers.search('88-512', 10)).map((c) => c.id)).toEqual([harbor.id]);
      expect((await customers.search('77123', 10)).map((c) => c.id)).not.toContain(harbor.id);
    });

    it('forgives a typo in the name through trigram similarity', async () => {
      const sql = db.sql();
      const northwind = await buildCustomer(sql, { name: 'Northwind Logistics' });
      const customers = createCustomerRepository(sql);
      const hits = await customers.search('Nortwind Logistcs', 10);
      expect(hits[0]?.id).toBe(northwind.id);
      expect(hits[0]?.identifiers).toEqual(northwind.identifiers);
    });

    it('ranks the closest name first and honours the limit', async () => {
      const sql = db.sql();
      const lumen = await buildCustomer(sql, { name: 'Lumen' });
      await buildCustomer(sql, { name: 'Lumen Health Clinics SAS' });
      await buildCustomer(sql, { name: 'Lumen Energy Retail' });
      const customers = createCustomerRepository(sql);
      const hits = await customers.search('Lumen', 10);
      expect(hits.length).toBeGreaterThanOrEqual(3);
      expect(hits[0]?.id).toBe(lumen.id);
      expect(await customers.search('Lumen', 2)).toHaveLength(2);
    });

    it('without a query, lists the most valuable customers first and unknown values last', async () => {
      const sql = db.sql();
      await sql`delete from customers`;
      const small = await buildCustomer(sql, { value: 1_000 });
      const unknown = await buildCustomer(sql, { value: null });
      const big = await buildCustomer(sql, { value: 250_000 });
      const customers = createCustomerRepository(sql);
      expect((await customers.search('', 10)).map((c) => c.id)).toEqual([big.id, small.id, unknown.id]);
      expect((await customers.search('   ', 2)).map((c) => c.id)).toEqual([big.id, small.id]);
    });

    it('finds nothing for text that matches no customer', async () => {
      const sql = db.sql();
      await buildCustomer(sql, { name: 'Riverbend Architects' });
      expect(await createCustomerRepository(sql).search('zzzqqqxxx', 10)).toEqual([]);
    });
  });
});

describe('customer type-ahead with pattern characters', () => {
  it('treats % and _ as the characters people typed, not wildcards', async () => {
    const repo = createCustomerRepository(db.sql());
    await buildCustomer(db.sql(), { name: '100% Organic_Foods' });
    const percent = await repo.search('%', 50);
    expect(percent.map((c) => c.name)).toEqual(['100% Organic_Foods']);
    expect((await repo.search('c_', 50)).map((c) => c.name)).not.toContain('Acme Logistics GmbH');
  });
});
