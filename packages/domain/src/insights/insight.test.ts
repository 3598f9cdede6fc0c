import { describe, expect, it } from 'vitest';
import { deriveTitle, MAX_TITLE_LENGTH, normaliseTag, normaliseTags } from './insight';

describe('deriveTitle', () => {
  it('takes the first line of the text', () => {
    expect(deriveTitle('Acme wants SSO\nThey asked twice this week.')).toBe('Acme wants SSO');
  });

  it('skips blank lines before the first words', () => {
    expect(deriveTitle('\n\n   \nAcme wants SSO')).toBe('Acme wants SSO');
  });

  it('drops markdown heading, quote and bullet markers', () => {
    expect(deriveTitle('## Acme wants SSO')).toBe('Acme wants SSO');
    expect(deriveTitle('> Acme wants SSO')).toBe('Acme wants SSO');
    expect(deriveTitle('- Acme wants SSO')).toBe('Acme wants SSO');
    expect(deriveTitle('> * Acme wants SSO')).toBe('Acme wants SSO');
  });

  it('skips a line that is only a rule or a marker', () => {
    expect(deriveTitle('---\n>\nAcme wants SSO')).toBe('Acme wants SSO');
  });

  it('keeps a leading minus sign, which is part of what was said', () => {
    expect(deriveTitle('-20% renewals at Acme since the price change')).toBe(
      '-20% renewals at Acme since the price change',
    );
  });

  it('keeps a first line of exactly the maximum length whole', () => {
    const line = 'a'.repeat(MAX_TITLE_LENGTH);
    expect(deriveTitle(line)).toBe(line);
  });

  it('shortens a longer first line to the maximum length, ending with an ellipsis', () => {
    const title = deriveTitle(`${'word '.repeat(60)}\nsecond line`);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });

  it('gives an empty title for text without words', () => {
    expect(deriveTitle('  \n\n ')).toBe('');
  });
});

describe('normaliseTags', () => {
  it('lowercases tags and drops the # typed in chat', () => {
    expect(normaliseTags(['#Billing', '##SSO'])).toEqual(['billing', 'sso']);
  });

  it('turns spaces into dashes and drops punctuation', () => {
    expect(normaliseTag('  Churn Risk! ')).toBe('churn-risk');
  });

  it('keeps letters and digits of any script', () => {
    expect(normaliseTag('Kündigung2026')).toBe('kündigung2026');
  });

  it('removes duplicates that differ only in case or #, keeping the first position', () => {
    expect(normaliseTags(['SSO', 'billing', '#sso', 'Billing'])).toEqual(['sso', 'billing']);
  });

  it('drops tags that are empty once normalised', () => {
    expect(normaliseTags(['#', '   ', '!!!', 'ok'])).toEqual(['ok']);
  });

  it('returns no tags for none', () => {
    expect(normaliseTags([])).toEqual([]);
  });
});
