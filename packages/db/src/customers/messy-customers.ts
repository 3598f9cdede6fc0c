/**
 * A generated world of customers and messy references to them with known truth, for measuring
 * matching precision and recall (tests print the figures; `pnpm bench customers` at 100,000).
 */
import { type CustomerReference, customerNameKey } from '@heard/domain';

const FIRST = [
  'Blue',
  'North',
  'Silver',
  'Bright',
  'Global',
  'Pioneer',
  'Summit',
  'Crystal',
  'Iron',
  'Golden',
  'Swift',
  'Green',
  'Royal',
  'Atlas',
  'Nova',
  'Polar',
  'Cedar',
  'Maple',
  'Harbor',
  'Falcon',
  'Orion',
  'Vertex',
  'Quantum',
  'Crescent',
  'Eagle',
  'Lumen',
  'Zenith',
  'Coastal',
  'Alpine',
  'Prairie',
  'Redwood',
  'Granite',
  'Sapphire',
  'Emerald',
  'Horizon',
  'Keystone',
  'Liberty',
  'Meridian',
  'Oak',
  'Pinnacle',
  'Riverside',
  'Sterling',
  'Trinity',
  'Union',
  'Valley',
  'Willow',
  'Aurora',
  'Beacon',
  'Compass',
  'Delta',
];
const SECOND = [
  'Ridge',
  'Stone',
  'Bridge',
  'Field',
  'Point',
  'Gate',
  'Brook',
  'Crest',
  'Forge',
  'Grove',
  'Haven',
  'Lake',
  'Mill',
  'Park',
  'Peak',
  'Port',
  'Rock',
  'Shore',
  'Spring',
  'Wood',
  'Bay',
  'Cliff',
  'Dale',
  'Glen',
  'Hill',
  'Isle',
  'Marsh',
  'Moor',
  'Pine',
  'Vale',
];
const TRADE = [
  'Logistics',
  'Systems',
  'Foods',
  'Labs',
  'Works',
  'Analytics',
  'Textiles',
  'Energy',
  'Motors',
  'Pharma',
  'Media',
  'Robotics',
  'Software',
  'Consulting',
  'Apparel',
  'Brewing',
  'Dental',
  'Freight',
  'Insurance',
  'Lighting',
  'Marine',
  'Optics',
  'Plastics',
  'Retail',
  'Solar',
  'Tools',
  'Travel',
  'Water',
  'Bakery',
  'Clinics',
  'Holdings',
  'Studios',
  'Finance',
  'Farms',
  'Printing',
  'Security',
  'Telecom',
  'Hotels',
  'Audio',
  'Cargo',
];
const PLACE = [
  'Leeds',
  'Lyon',
  'Porto',
  'Graz',
  'Bergen',
  'Turin',
  'Ghent',
  'Malmö',
  'Cork',
  'Basel',
  'Kraków',
  'Bilbao',
  'Aarhus',
  'Utrecht',
  'Brno',
  'Nantes',
  'Dundee',
  'Tampere',
  'Varna',
  'Split',
  'Bremen',
  'Lille',
  'Padua',
  'Cádiz',
];
const SUFFIX = ['Inc', 'GmbH', 'Ltd', 'LLC', 'AG', 'S.A.', 'B.V.', 'plc', 'Corp', ''];
const GIVEN = [
  'Anna',
  'Björn',
  'Chloé',
  'David',
  'Elena',
  'François',
  'Greta',
  'Hannah',
  'Ismael',
  'Jürgen',
  'Kenji',
  'Léa',
  'Mateo',
  'Noémie',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Søren',
  'Tomás',
  'Ulla',
  'Valérie',
  'Wei',
  'Xavier',
  'Yasmin',
  'Zoë',
];
const FAMILY = [
  'Müller',
  'García',
  'Nguyen',
  'O’Brien',
  'Schmidt',
  'Rossi',
  'Kowalski',
  'Dubois',
  'Jensen',
  'Novák',
  'Silva',
  'Yamamoto',
  'Okafor',
  'Larsen',
  'Fischer',
  'Moreau',
  'Costa',
  'Weber',
  'Hughes',
  'Álvarez',
  'Berg',
  'Lindqvist',
  'Petrov',
  'Haddad',
  'Kim',
  'Santos',
];

/** Deterministic numbers, so a run is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrueCustomer {
  name: string;
  kind: 'person' | 'account';
  crmId: string;
  domain: string | null;
  email: string;
  phone: string;
  segment: string;
  value: number;
}

/** A reference as some system wrote it, and which true customer it means (null: someone new). */
export interface MessyReference {
  reference: CustomerReference;
  truth: number | null;
  /** What was done to it, for reading failures. */
  mess: string[];
}

const slug = (t: string) =>
  t
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** `count` distinct customers: accounts named from three word lists, and some people. */
export function generateCustomers(count: number, seed = 1): TrueCustomer[] {
  const rnd = random(seed);
  const seen = new Set<string>();
  let people = 0;
  const out: TrueCustomer[] = [];
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  while (out.length < count) {
    const i = out.length;
    // People's names repeat in life; here they must not, so they are a small share of a large world.
    const isPerson = people < 600 && rnd() < 0.1;
    const place = rnd() < 0.6 ? `${pick(PLACE)} ` : '';
    const base = isPerson
      ? `${pick(GIVEN)} ${pick(FAMILY)}`
      : `${pick(FIRST)}${pick(SECOND).toLowerCase()} ${place}${pick(TRADE)}`;
    // Two true customers never share a base name: a name alone must be able to say who.
    if (seen.has(base)) {
      if (seen.size > count * 3) throw new Error('Word lists too small for that many customers.');
      continue;
    }
    seen.add(base);
    if (isPerson) people++;
    const domain = isPerson ? null : `${slug(base)}.example`;
    out.push({
      name: isPerson ? base : `${base} ${pick(SUFFIX)}`.trim(),
      kind: isPerson ? 'person' : 'account',
      crmId: `C-${100000 + i}`,
      domain,
      email: isPerson ? `${slug(base)}${i}@mail.example` : `contact@${domain}`,
      phone: `+44 20 7${String(1000000 + ((i * 7919) % 9000000)).slice(-6)}${i % 10}`.slice(0, 17),
      segment: pick(['Enterprise', 'Mid-market', 'SMB', 'Public sector']),
      value: Math.round(1000 * Math.exp(rnd() * 7)),
    });
  }
  return out;
}

function typo(text: string, rnd: () => number): string {
  const letters = [...text];
  const at = 1 + Math.floor(rnd() * Math.max(1, letters.length - 2));
  const ops = rnd();
  if (ops < 0.4) letters.splice(at, 1);
  else if (ops < 0.8 && at + 1 < letters.length)
    [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else letters.splice(at, 0, letters[at] ?? 'e');
  return letters.join('');
}

function messName(name: string, kind: 'person' | 'account', rnd: () => number, mess: string[]): string {
  let n = name;
  if (kind === 'account' && rnd() < 0.6) {
    const base = n.replace(/\s+(Inc|GmbH|Ltd|LLC|AG|S\.A\.|B\.V\.|plc|Corp)$/, '');
    n = `${base}${[', Inc.', ' GmbH', ' Limited', '', ' Corporation', ' Ltd.'][Math.floor(rnd() * 6)]}`;
    mess.push('legal form');
  }
  if (rnd() < 0.3) {
    n = n.toUpperCase();
    mess.push('upper case');
  } else if (rnd() < 0.2) {
    n = n.toLowerCase();
    mess.push('lower case');
  }
  if (rnd() < 0.3) {
    n = n.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    mess.push('accents dropped');
  }
  if (rnd() < 0.25) {
    n = typo(n, rnd);
    mess.push('typo');
  }
  if (rnd() < 0.2) {
    n = ` ${n.replace(' ', '  ')} `;
    mess.push('spaces');
  }
  return n;
}

function messPhone(phone: string, rnd: () => number): string {
  const digits = phone.replace(/\D/g, '');
  const national = `0${digits.slice(2)}`;
  return [
    phone,
    national,
    `+${digits}`,
    `(0${digits.slice(2, 4)}) ${digits.slice(4, 8)} ${digits.slice(8)}`,
    `0044 ${digits.slice(2)}`,
  ][Math.floor(rnd() * 5)]!;
}

/**
 * References to `customers` as other systems write them, plus references to customers nobody
 * knows yet that look alike (same first words, another trade). Truth says which is which.
 */
export function generateReferences(customers: TrueCustomer[], count: number, seed = 2): MessyReference[] {
  const rnd = random(seed);
  const out: MessyReference[] = [];
  const keys = new Set(customers.map((x) => customerNameKey(x.name, x.kind)));
  for (let n = 0; n < count; n++) {
    const truth = Math.floor(rnd() * customers.length);
    const c = customers[truth]!;
    const mess: string[] = [];
    if (rnd() < 0.15) {
      // Someone new whose name resembles a known customer's.
      const words = c.name.split(' ');
      const name =
        c.kind === 'person'
          ? `${GIVEN[Math.floor(rnd() * GIVEN.length)]} ${words[words.length - 1]}`
          : `${words[0]} ${TRADE[Math.floor(rnd() * TRADE.length)]} ${SUFFIX[Math.floor(rnd() * SUFFIX.length)]}`.trim();
      if (keys.has(customerNameKey(name, c.kind))) continue;
      out.push({ reference: { name, kind: c.kind }, truth: null, mess: ['look-alike newcomer'] });
      continue;
    }
    const reference: CustomerReference = { name: messName(c.name, c.kind, rnd, mess), kind: c.kind };
    const r = rnd();
    if (r < 0.2) {
      reference.identifiers = [{ system: 'crm', value: c.crmId }];
      mess.push('crm id');
    } else if (r < 0.35) {
      reference.email = rnd() < 0.5 ? c.email.toUpperCase() : ` ${c.email} `;
      mess.push('email');
    } else if (r < 0.45) {
      reference.phone = messPhone(c.phone, rnd);
      mess.push('phone');
    } else if (r < 0.55 && c.domain) {
      reference.domain = rnd() < 0.5 ? `https://www.${c.domain}/` : c.domain.toUpperCase();
      mess.push('domain');
    } else {
      mess.push('name only');
    }
    out.push({ reference, truth, mess });
  }
  return out;
}

/** The reference a true customer was first recorded with (CRM id, email, phone, domain). */
export function canonicalReference(c: TrueCustomer): CustomerReference {
  return {
    name: c.name,
    kind: c.kind,
    email: c.email,
    phone: c.phone,
    domain: c.domain,
    identifiers: [{ system: 'crm', value: c.crmId }],
    segment: c.segment,
    value: c.value,
  };
}

export interface MatchFigures {
  /** Links made without asking that were right, over all links made without asking. */
  precision: number;
  /** References to known customers linked without asking, over all references to known customers. */
  recall: number;
  /** Like recall, counting a pair queued for review with the right customer as found. */
  recallWithReview: number;
  references: number;
  linked: number;
  wrongLinks: number;
  queued: number;
}

/** Precision and recall of decisions against truth. `found` is the linked customer, or the reviewed candidate. */
export function scoreDecisions(
  refs: MessyReference[],
  decisions: { outcome: 'linked' | 'review' | 'new'; customer: number | null }[],
): MatchFigures {
  let linked = 0;
  let right = 0;
  let reviewRight = 0;
  let queued = 0;
  const known = refs.filter((r) => r.truth !== null).length;
  decisions.forEach((d, i) => {
    const truth = refs[i]!.truth;
    if (d.outcome === 'linked') {
      linked++;
      if (d.customer === truth) right++;
    } else if (d.outcome === 'review') {
      queued++;
      if (truth !== null && d.customer === truth) reviewRight++;
    }
  });
  return {
    precision: linked === 0 ? 1 : right / linked,
    recall: known === 0 ? 1 : right / known,
    recallWithReview: known === 0 ? 1 : (right + reviewRight) / known,
    references: refs.length,
    linked,
    wrongLinks: linked - right,
    queued,
  };
}
