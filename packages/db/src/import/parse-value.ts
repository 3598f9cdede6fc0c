/** Reads a money amount as exports write it: "€ 12,500.00", "12.500,00", "12500", "1 200". Null if it is none. */
export function parseAmount(text: string): number | null {
  let t = text.replace(/[\s\u00a0'€$£¥]|EUR|USD|GBP|CHF/gi, '');
  if (t === '') return null;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) t = comma > dot ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else if (comma >= 0) t = /^-?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(t)) t = t.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && Math.abs(n) < 1e12 ? n : null;
}

const KINDS: Record<string, 'person' | 'account'> = {
  person: 'person',
  contact: 'person',
  individual: 'person',
  people: 'person',
  account: 'account',
  company: 'account',
  organisation: 'account',
  organization: 'account',
  business: 'account',
};

/** "Company", "contact", "Person" … → the customer kind; null when the word means neither. */
export function parseCustomerKind(text: string): 'person' | 'account' | null {
  return KINDS[text.trim().toLowerCase()] ?? null;
}
