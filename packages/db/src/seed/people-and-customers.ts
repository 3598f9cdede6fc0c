import {
  COMPANY_KINDS,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  KEY_PEOPLE,
  LAST_NAMES,
  TEAMS,
  type TeamSlug,
} from './organisation';
import type { SeededRandom } from './random';

export interface SeedPerson {
  id: string;
  name: string;
  email: string;
  team: TeamSlug;
  roles: string[];
  role?: string;
}

export interface SeedCustomer {
  id: string;
  name: string;
  segment: string;
  value: number;
  contacts: string[];
  identifiers: { system: string; value: string }[];
}

/** Plain ASCII local parts: "Léa Moreau" signs in as lea.moreau@example.com. */
export function emailFor(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${local}@example.com`;
}

/** The nine people a visitor is told about, and frontline colleagues up to `count`. */
export function generatePeople(rnd: SeededRandom, count = 40): SeedPerson[] {
  const people: SeedPerson[] = KEY_PEOPLE.map((p) => ({ ...p, id: rnd.uuid(), email: emailFor(p.name) }));
  const taken = new Set(people.map((p) => p.email));
  const frontlineTeams: TeamSlug[] = [
    'support',
    'support',
    'sales',
    'sales',
    'success',
    'billing',
    'product',
    'marketing',
  ];
  while (people.length < count) {
    const name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
    const email = emailFor(name);
    if (taken.has(email)) continue;
    taken.add(email);
    const team = rnd.pick(frontlineTeams);
    const roles = rnd.chance(0.08) ? ['frontline', 'curator'] : ['frontline'];
    people.push({ id: rnd.uuid(), name, email, team, roles });
  }
  return people;
}

/** Accounts with a long-tailed value, so a few customers bring most of the revenue. */
export function generateCustomers(rnd: SeededRandom, count: number): SeedCustomer[] {
  const customers: SeedCustomer[] = [];
  const names = new Set<string>();
  for (let i = 0; customers.length < count; i++) {
    const stem = rnd.pick(COMPANY_STEMS);
    const kind = rnd.pick(COMPANY_KINDS);
    const suffix = rnd.pick(COMPANY_SUFFIXES);
    let name = `${stem} ${kind}${suffix ? ` ${suffix}` : ''}`;
    if (names.has(name)) name = `${name} ${i}`;
    names.add(name);
    const value = Math.round(Math.exp(rnd.next() * rnd.next() * 8 + 8) / 100) * 100;
    const segment = value >= 200_000 ? 'Enterprise' : value >= 30_000 ? 'Mid-market' : 'SMB';
    const domain = `${stem}${kind}`.toLowerCase().replace(/[^a-z]/g, '');
    customers.push({
      id: rnd.uuid(),
      name,
      segment,
      value,
      contacts: [0, 1, 2].map(() => `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`),
      identifiers: [
        { system: 'crm', value: `C-${1000 + i}` },
        { system: 'domain', value: `${domain}${i}.example` },
        ...(rnd.chance(0.7)
          ? [{ system: 'support', value: `${rnd.int(1, 9)}${String(i).padStart(5, '0')}` }]
          : []),
        ...(rnd.chance(0.5) ? [{ system: 'billing', value: `88-${rnd.int(100, 999)}-${i}` }] : []),
      ],
    });
  }
  return customers;
}

export const teamRows = (rnd: SeededRandom) =>
  TEAMS.map((t) => ({ id: rnd.uuid(), slug: t.slug, name: t.name }));
