import { describe, expect, it } from 'vitest';
import {
  companyDomainOf,
  customerNameKey,
  normaliseCompany,
  normaliseDomain,
  normaliseEmail,
  normaliseExternalId,
  normaliseText,
} from './normalise';

describe('normalising customer names and identifiers', () => {
  it('drops case, accents and punctuation', () => {
    expect(normaliseText("  Zoë  O'Brien-Smith ")).toBe('zoe o brien smith');
    expect(normaliseText('MÜLLER Straße')).toBe('muller strasse');
    expect(normaliseText('Bjørn & Søn')).toBe('bjorn and son');
  });

  it('drops legal forms from company names but never the whole name', () => {
    expect(normaliseCompany('ACME, Inc.')).toBe('acme');
    expect(normaliseCompany('Acme Corporation')).toBe('acme');
    expect(normaliseCompany('Müller GmbH')).toBe('muller');
    expect(normaliseCompany('Northwind Traders Ltd')).toBe('northwind traders');
    expect(normaliseCompany('The Company')).toBe('the company');
    expect(normaliseCompany('Polarforge Systems S.A.')).toBe('polarforge systems');
    expect(normaliseCompany('Bluebay B.V.')).toBe('bluebay');
    expect(customerNameKey('Anna Inc', 'person')).toBe('anna inc');
  });

  it('reads emails, domains and ids from other systems, refusing what they are not', () => {
    expect(normaliseEmail(' mailto:Anna@ACME.io ')).toBe('anna@acme.io');
    expect(normaliseEmail('anna at acme')).toBeNull();
    expect(normaliseDomain('https://www.Acme.io/about?x=1')).toBe('acme.io');
    expect(normaliseDomain('not a domain')).toBeNull();
    expect(companyDomainOf('anna@acme.io')).toBe('acme.io');
    expect(companyDomainOf('anna@gmail.com')).toBeNull();
    expect(normaliseExternalId(' C 1042 ')).toBe('C1042');
    expect(normaliseExternalId('   ')).toBeNull();
  });
});
