import { describe, expect, it } from 'vitest';
import { buildCustomer, createWorld } from '../../testing';
import { pickCustomer, suggestCustomers } from './pick-customer';

const acmeLtd = buildCustomer({ name: 'Acme Ltd', identifiers: [{ system: 'crm', value: 'C-1042' }] });
const acmeInc = buildCustomer({ name: 'Acme Inc', identifiers: [{ system: 'support', value: '8841' }] });
const globex = buildCustomer({ name: 'Globex', identifiers: [] });
const world = () => createWorld({ customers: [acmeLtd, acmeInc, globex] });

describe('suggestCustomers', () => {
  it('offers customers by name or identifier, and nothing for blank text', async () => {
    const w = world();
    const names = async (text: string) => (await suggestCustomers(w.deps, { text })).map((c) => c.name);
    expect(await names('acme l')).toEqual(['Acme Ltd']);
    expect(await names('C-10')).toEqual(['Acme Ltd']);
    expect(await names('   ')).toEqual([]);
  });
});

describe('pickCustomer', () => {
  it('takes an exact name or identifier, or the only match', async () => {
    const w = world();
    expect((await pickCustomer(w.deps, { text: 'acme ltd' }))?.id).toBe(acmeLtd.id);
    expect((await pickCustomer(w.deps, { text: '8841' }))?.id).toBe(acmeInc.id);
    expect((await pickCustomer(w.deps, { text: 'glob' }))?.id).toBe(globex.id);
    expect(await pickCustomer(w.deps, { text: '' })).toBeNull();
  });

  it('asks to be more precise when several match, naming them, and says when none does', async () => {
    const w = world();
    await expect(pickCustomer(w.deps, { text: 'acm' })).rejects.toMatchObject({
      issues: [
        {
          field: 'customer',
          code: 'CUSTOMER.AMBIGUOUS',
          message: expect.stringContaining('Acme Inc, Acme Ltd'),
        },
      ],
    });
    await expect(pickCustomer(w.deps, { text: 'Initech' })).rejects.toMatchObject({
      issues: [{ field: 'customer', code: 'CUSTOMER.NO_MATCH' }],
    });
  });
});
