import type { CustomerIdentifier } from './customer';
import {
  companyDomainOf,
  customerNameKey,
  looksLikeCompany,
  normaliseDomain,
  normaliseEmail,
  normaliseExternalId,
} from './normalise';

/** How some system refers to a customer: a name, strong identifiers, or both. */
export interface CustomerReference {
  name?: string | null;
  kind?: 'person' | 'account' | null;
  email?: string | null;
  phone?: string | null;
  /** The account's web domain. */
  domain?: string | null;
  /** Ids in other systems: `{ system: 'crm', value: 'C-1042' }`, `{ system: 'support', value: '8841' }`. */
  identifiers?: CustomerIdentifier[];
  segment?: string | null;
  value?: number | null;
}

/** A reference in normal form, ready to be compared. */
export interface NormalisedReference {
  name: string;
  kind: 'person' | 'account';
  nameKey: string;
  identifiers: CustomerIdentifier[];
  segment: string | null;
  value: number | null;
  /** What could not be read, e.g. "phone "12" is not a phone number". */
  problems: string[];
}

/** Turns raw text into a phone number in E.164, or null; the db package supplies libphonenumber's. */
export type PhoneNormaliser = (raw: string) => string | null;

const SYSTEM = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * Brings a reference to normal form. Returns null when nothing in it can name a customer.
 * An account with only a contact address is known by that address's company domain too.
 */
export function normaliseReference(
  ref: CustomerReference,
  normalisePhone: PhoneNormaliser,
): NormalisedReference | null {
  const problems: string[] = [];
  const identifiers: CustomerIdentifier[] = [];
  const add = (system: string, value: string | null) => {
    if (value && !identifiers.some((i) => i.system === system && i.value === value))
      identifiers.push({ system, value });
  };
  const email = ref.email?.trim() ? normaliseEmail(ref.email) : null;
  if (ref.email?.trim() && !email) problems.push(`"${ref.email.trim()}" is not an email address`);
  const phone = ref.phone?.trim() ? normalisePhone(ref.phone) : null;
  if (ref.phone?.trim() && !phone) problems.push(`"${ref.phone.trim()}" is not a phone number`);
  const domain = ref.domain?.trim() ? normaliseDomain(ref.domain) : null;
  if (ref.domain?.trim() && !domain) problems.push(`"${ref.domain.trim()}" is not a web domain`);
  for (const id of ref.identifiers ?? []) {
    const system = id.system.trim().toLowerCase();
    if (!SYSTEM.test(system)) {
      problems.push(`"${id.system}" is not a system name (letters, digits, - and _)`);
      continue;
    }
    if (system === 'email') add('email', normaliseEmail(id.value));
    else if (system === 'phone') add('phone', normalisePhone(id.value));
    else if (system === 'domain') add('domain', normaliseDomain(id.value));
    else add(system, normaliseExternalId(id.value));
  }
  add('email', email);
  add('phone', phone);
  add('domain', domain);

  const kind = ref.kind ?? (email && !domain && !looksLikeCompany(ref.name ?? '') ? 'person' : 'account');
  if (kind === 'account' && email && !identifiers.some((i) => i.system === 'domain'))
    add('domain', companyDomainOf(email));
  const name = ref.name?.trim().replace(/\s+/g, ' ') || fallbackName(identifiers);
  if (!name) return null;
  return {
    name: name.slice(0, 300),
    kind,
    nameKey: customerNameKey(name, kind),
    identifiers,
    segment: ref.segment?.trim() || null,
    value: ref.value ?? null,
    problems,
  };
}

/** A customer known only by an identifier is named after the most readable one. */
function fallbackName(identifiers: CustomerIdentifier[]): string | null {
  const order = ['email', 'domain', 'crm', 'phone'];
  const best = [...identifiers].sort(
    (a, b) => (order.indexOf(a.system) + 1 || 9) - (order.indexOf(b.system) + 1 || 9),
  )[0];
  return best ? best.value : null;
}
