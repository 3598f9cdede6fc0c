/**
 * Normal forms of what systems call a customer, so "Müller GmbH", "MULLER gmbh." and "Muller"
 * compare as one. Pure functions: the same rules serve matching, imports and tests.
 */

/** Legal-form words that say nothing about who the company is (compared after accents and case go). */
const COMPANY_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'pte',
  'kk',
  'the',
  'and',
]);

/** Lower case, accents and punctuation gone, single spaces: "  Zoë  O'Brien-Smith " → "zoe o brien smith". */
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/ø/gi, 'o')
      .replace(/æ/gi, 'ae')
      .replace(/&/g, ' and ')
      // Dotted abbreviations are one word: "S.A." → "SA", "B.V." → "BV".
      .replace(/(?<=\b[a-z])\.(?=[a-z]\b)/gi, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}

/** A company's name without legal forms: "ACME, Inc." and "Acme Corporation" → "acme". */
export function normaliseCompany(name: string): string {
  const words = normaliseText(name).split(' ').filter(Boolean);
  const kept = words.filter((w) => !COMPANY_SUFFIXES.has(w));
  // A name made only of legal words ("The Company") keeps them rather than vanishing.
  return (kept.length > 0 ? kept : words).join(' ');
}

/** Legal forms that only companies carry (not "and" or "the"). */
const LEGAL_FORMS = [...COMPANY_SUFFIXES].filter((w) => w !== 'the' && w !== 'and' && w !== 'co');

/** Whether a name carries a legal form ("Acme GmbH"), so it names an account rather than a person. */
export function looksLikeCompany(name: string): boolean {
  return normaliseText(name)
    .split(' ')
    .some((w) => LEGAL_FORMS.includes(w));
}

/** The key names are compared by: people as written, accounts without legal forms. */
export function customerNameKey(name: string, kind: 'person' | 'account'): string {
  return kind === 'account' ? normaliseCompany(name) : normaliseText(name);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased, trimmed, "mailto:" dropped; null when it is not an address. */
export function normaliseEmail(text: string): string | null {
  const email = text
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL.test(email) ? email : null;
}

/** Web-mail providers: sharing one says nothing about belonging to the same account. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'proton.me',
  'protonmail.com',
  'mail.com',
]);

/** "https://www.Acme.io/about" → "acme.io"; null when it is not a domain. */
export function normaliseDomain(text: string): string | null {
  const host = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0]!
    .replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

/** The organisation's domain behind an address, unless it is a public web-mail provider. */
export function companyDomainOf(email: string): string | null {
  const domain = email.split('@')[1];
  return domain && !PUBLIC_MAIL_DOMAINS.has(domain) ? domain : null;
}

/** An id in another system (CRM, support desk, billing): trimmed, inner spaces gone; case kept, as systems differ. */
export function normaliseExternalId(text: string): string | null {
  const id = text.trim().replace(/\s+/g, '');
  return id.length > 0 && id.length <= 200 ? id : null;
}
