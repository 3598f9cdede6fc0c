import { isValidIban, isValidSpanishDni, passesLuhn } from './pii-checksums';
import type { PiiFinding, PiiKind } from './pii-kinds';

/*
 * Pattern first, then a check that real data passes and look-alikes fail (Luhn for cards,
 * mod-97 for IBANs, check letters for IDs, digit counts and shapes for phone numbers), so
 * order numbers, dates, version strings and prices stay as written.
 */

const EMAIL =
  /(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w@-])/g;

// Not right after an IBAN's country and check digits: a mistyped IBAN is not a card.
const CARD = /(?<![\d-])(?<![A-Z]{2}\d{2} ?)[2-6](?:[ -]?\d){12,18}(?![\d])/g;

const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;

const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;
const NINO =
  /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
const DNI = /(?<![A-Za-z0-9])\d{8}-?[A-Z](?![A-Za-z0-9])/g;

const PHONE =
  /(?<![\w+/.-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]?\d{2,5}){0,5}(?![\w/-]|\.\d)/g;

const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Gardens';
const ADDRESS_EN = new RegExp(
  `(?<![\\w-])\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?,?\\s+(?:[A-Z][A-Za-z'’.-]*\\s+){1,4}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Unit|Flat)\\.?\\s*#?[A-Za-z0-9]+)?`,
  'g',
);
const ADDRESS_DE =
  /(?<![\wäöüß])[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|straat|laan|plein|gracht|vägen|gatan)\s+\d{1,4}[a-z]?(?![\w])/g;
const ADDRESS_FR =
  /(?<![\w-])\d{1,4}(?: ?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|chemin|impasse|allée|quai)\s+(?:(?:de|du|des|la|le|l’|l')\s*)*[A-ZÉÈ][\wéèêàâîôûç’'-]*(?:\s+[A-ZÉÈ][\wéèêàâîôûç’'-]*)*/g;

/** When two findings overlap, the more specific kind wins (a card number is never also a phone number). */
const PRIORITY: Record<PiiKind, number> = {
  card: 0,
  iban: 1,
  national_id: 2,
  email: 3,
  address: 4,
  phone: 5,
};

/** Finds personal data in free text; findings are in text order and never overlap. */
export function scanPii(text: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  const add = (kind: PiiKind, start: number, value: string) =>
    found.push({ kind, start, end: start + value.length, value });

  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) add('email', m.index, m[0]);
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) add('card', m.index, m[0]);
  }
  for (const m of text.matchAll(IBAN)) {
    const iban = trimIban(m[0]);
    if (iban) add('iban', m.index, iban);
  }
  for (const m of text.matchAll(SSN)) add('national_id', m.index, m[0]);
  for (const m of text.matchAll(NINO)) add('national_id', m.index, m[0]);
  for (const m of text.matchAll(DNI)) if (isValidSpanishDni(m[0])) add('national_id', m.index, m[0]);
  for (const m of text.matchAll(PHONE)) if (looksLikePhone(m[0])) add('phone', m.index, m[0].trimEnd());
  for (const pattern of [ADDRESS_EN, ADDRESS_DE, ADDRESS_FR])
    for (const m of text.matchAll(pattern)) add('address', m.index, m[0].replace(/[\s,]+$/, ''));

  return withoutOverlaps(found);
}

function withoutOverlaps(found: PiiFinding[]): PiiFinding[] {
  const byPriority = [...found].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PiiFinding[] = [];
  for (const f of byPriority) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** IBANs written in groups run into the next word; cut at the length the country prescribes. */
function trimIban(candidate: string): string | null {
  const compact = candidate.replace(/ /g, '');
  for (let length = Math.min(compact.length, 34); length >= 15; length--) {
    if (!isValidIban(compact.slice(0, length))) continue;
    // Map the compact length back onto the written form, spaces included.
    let seen = 0;
    let i = 0;
    for (; i < candidate.length && seen < length; i++) if (candidate[i] !== ' ') seen++;
    return candidate.slice(0, i);
  }
  return null;
}

const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const NANP = /^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$/;

/**
 * A phone number is written like one: an international prefix, an area code in
 * brackets, a national trunk 0 with enough digits, or the North American 3-3-4 shape.
 * Bare digit runs, dates, times and amounts are left alone.
 */
function looksLikePhone(raw: string): boolean {
  const text = raw.trim();
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (DATE.test(text)) return false;
  if (text.startsWith('+')) return digits.length >= 8;
  if (text.startsWith('(')) return digits.length >= 9;
  if (NANP.test(text)) return true;
  if (/^0[1-9]/.test(digits) && digits.length >= 10 && digits.length <= 11) {
    // A trunk-0 number either has separators in phone-like groups or is one unbroken run.
    return /^0\d{1,4}(?:[ .-]?\d{2,4}){1,4}$/.test(text);
  }
  return false;
}
