import { describe, expect, it } from 'vitest';
import { isValidIban, isValidSpanishDni, passesLuhn } from './pii-checksums';
import { PII_CORPUS } from './pii-corpus';
import { scanPii } from './pii-scan';
import { scoreScanner } from './pii-score';

describe('PII scanner on the corpus of examples and look-alikes', () => {
  const score = scoreScanner(PII_CORPUS, scanPii);

  it('stays above 95% precision and recall (printed by tests/governance/pii-corpus.test.ts)', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('covers every kind with examples and with look-alikes', () => {
    const kinds = new Set(PII_CORPUS.flatMap((c) => c.expected.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(['address', 'card', 'email', 'iban', 'national_id', 'phone']);
    expect(PII_CORPUS.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(20);
  });
});

describe('PII scanner', () => {
  it('gives offsets that point at the finding in the text', () => {
    const text = 'Mail kim@example.net or call +44 20 7946 0958.';
    for (const f of scanPii(text)) expect(text.slice(f.start, f.end)).toBe(f.value);
    expect(scanPii(text).map((f) => f.kind)).toEqual(['email', 'phone']);
  });

  it('never reports overlapping findings: a card number is not also a phone number', () => {
    const findings = scanPii('card 4111 1111 1111 1111 and IBAN DE89 3704 0044 0532 0130 00');
    expect(findings.map((f) => f.kind)).toEqual(['card', 'iban']);
  });

  it('finds nothing in an empty text', () => {
    expect(scanPii('')).toEqual([]);
  });
});

describe('checksums', () => {
  it('Luhn accepts card numbers and refuses a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111121')).toBe(false);
  });

  it('IBAN mod-97 accepts published examples and refuses a changed digit or a wrong length', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(isValidIban('DE8937040044053201300')).toBe(false);
    expect(isValidIban('XX89370400440532013000')).toBe(false);
  });

  it('Spanish DNI check letter', () => {
    expect(isValidSpanishDni('12345678Z')).toBe(true);
    expect(isValidSpanishDni('12345678A')).toBe(false);
  });
});
