import { describe, expect, it } from 'vitest';
import { normaliseReference } from './customer-reference';
import { AUTO_LINK_SCORE, decideMatch, type MatchableCustomer, REVIEW_SCORE, scoreCandidate } from './match';

const phone = (raw: string) => (/^\+?[0-9 ]{7,}$/.test(raw) ? `+${raw.replace(/\D/g, '')}` : null);
const ref = (r: Parameters<typeof normaliseReference>[0]) => normaliseReference(r, phone)!;

const acme: MatchableCustomer = {
  id: 'c-acme',
  name: 'Acme Inc',
  kind: 'account',
  identifiers: [
    { system: 'crm', value: 'C-1042' },
    { system: 'domain', value: 'acme.io' },
  ],
};
const anna: MatchableCustomer = {
  id: 'c-anna',
  name: 'Anna Berg',
  kind: 'person',
  identifiers: [{ system: 'email', value: 'anna@acme.io' }],
};

describe('matching a reference to customers', () => {
  it('normalises a reference: identifiers in normal form, problems named, the company domain of an account', () => {
    const r = ref({
      name: ' Acme,  Inc. ',
      email: 'Sales@Acme.io',
      phone: 'twelve',
      identifiers: [{ system: 'CRM', value: ' C-1042 ' }],
    });
    expect(r.kind).toBe('account');
    expect(r.nameKey).toBe('acme');
    expect(r.identifiers).toEqual([
      { system: 'crm', value: 'C-1042' },
      { system: 'email', value: 'sales@acme.io' },
      { system: 'domain', value: 'acme.io' },
    ]);
    expect(r.problems).toEqual(['"twelve" is not a phone number']);
    expect(normaliseReference({ name: '  ' }, phone)).toBeNull();
    expect(ref({ email: 'bo@gmail.com' })).toMatchObject({ kind: 'person', name: 'bo@gmail.com' });
    expect(ref({ name: 'Lund AB', email: 'info@lund.example' })).toMatchObject({
      kind: 'account',
      nameKey: 'lund',
    });
  });

  it('is certain on a shared strong identifier, whatever the names', () => {
    const decision = decideMatch(
      ref({ name: 'Totally Different', identifiers: [{ system: 'crm', value: 'C-1042' }] }),
      [acme],
      [],
    );
    expect(decision).toEqual({ kind: 'exact', customerIds: ['c-acme'], reasons: ['same crm C-1042'] });
  });

  it('names every customer a reference proves to be one, the one sharing most identifiers first', () => {
    const other: MatchableCustomer = {
      id: 'c-b',
      name: 'Acme',
      kind: 'account',
      identifiers: [{ system: 'support', value: '8841' }],
    };
    const decision = decideMatch(
      ref({
        name: 'Acme',
        domain: 'acme.io',
        identifiers: [
          { system: 'crm', value: 'C-1042' },
          { system: 'support', value: '8841' },
        ],
      }),
      [other, acme],
      [],
    );
    expect(decision.kind === 'exact' && decision.customerIds).toEqual(['c-acme', 'c-b']);
  });

  it('links an account whose normalised name is the same, and asks about one merely alike', () => {
    expect(decideMatch(ref({ name: 'ACME Corporation' }), [], [{ customer: acme, similarity: 1 }]).kind).toBe(
      'auto',
    );
    const alike = decideMatch(ref({ name: 'Acme Labs' }), [], [{ customer: acme, similarity: 0.62 }]);
    expect(alike.kind).toBe('review');
    expect(decideMatch(ref({ name: 'Apex' }), [], [{ customer: acme, similarity: 0.3 }]).kind).toBe('new');
  });

  it('never links two people on their name alone, but does when the address is on their domain', () => {
    const sameName = scoreCandidate(ref({ name: 'Anna Berg', kind: 'person' }), {
      customer: anna,
      similarity: 1,
    });
    expect(sameName.score).toBeLessThan(AUTO_LINK_SCORE);
    expect(sameName.score).toBeGreaterThanOrEqual(REVIEW_SCORE);
    const annaAtAcme: MatchableCustomer = { ...anna, identifiers: [{ system: 'domain', value: 'acme.io' }] };
    const onDomain = scoreCandidate(ref({ name: 'Anna Berg', email: 'a.berg@acme.io' }), {
      customer: annaAtAcme,
      similarity: 0.9,
    });
    expect(onDomain.score).toBeGreaterThanOrEqual(AUTO_LINK_SCORE);
  });

  it('halves the score when both hold different ids in a system with one id per customer', () => {
    const scored = scoreCandidate(ref({ name: 'Acme', identifiers: [{ system: 'crm', value: 'C-9' }] }), {
      customer: acme,
      similarity: 1,
    });
    expect(scored.score).toBe(0.5);
    expect(scored.reasons).toContain('different crm ids');
  });
});
