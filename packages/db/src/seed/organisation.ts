import type { Role } from '@heard/domain';

export const DEMO_PASSWORD = 'heard-demo';

export const TEAMS = [
  { slug: 'sales', name: 'Sales' },
  { slug: 'support', name: 'Support' },
  { slug: 'billing', name: 'Billing' },
  { slug: 'product', name: 'Product' },
  { slug: 'success', name: 'Customer Success' },
  { slug: 'marketing', name: 'Marketing & Comms' },
] as const;
export type TeamSlug = (typeof TEAMS)[number]['slug'];

export interface DemoPerson {
  name: string;
  team: TeamSlug;
  roles: Role[];
  /** What the person does, printed at start so a visitor knows whom to sign in as. */
  role?: string;
}

/** The people a visitor is told about; the rest of the ~40 are generated frontline staff. */
export const KEY_PEOPLE: DemoPerson[] = [
  {
    name: 'Maya Lindqvist',
    team: 'product',
    roles: ['leader', 'admin'],
    role: 'Chief Customer Officer: leader and admin',
  },
  {
    name: 'Jonas Berger',
    team: 'sales',
    roles: ['leader', 'owner'],
    role: 'VP Sales: leader, owns the mid-market NPS goal',
  },
  {
    name: 'Priya Raman',
    team: 'billing',
    roles: ['owner'],
    role: 'Head of Billing: owns "Halve billing complaints"',
  },
  {
    name: 'Tomás Okafor',
    team: 'support',
    roles: ['owner'],
    role: 'Head of Support: owns the mobile app goal',
  },
  {
    name: 'Hannah Weiss',
    team: 'success',
    roles: ['owner'],
    role: 'Head of Customer Success: owns onboarding and churn goals',
  },
  { name: 'Léa Moreau', team: 'marketing', roles: ['curator'], role: 'Internal communications: curator' },
  { name: 'Ravi Nair', team: 'product', roles: ['curator', 'frontline'], role: 'Product manager: curator' },
  { name: 'Sam Carter', team: 'support', roles: ['frontline'], role: 'Support agent: frontline' },
  { name: 'Chloé Dubois', team: 'sales', roles: ['frontline'], role: 'Account executive: frontline' },
];

export const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Carla',
  'Dmitri',
  'Elif',
  'Finn',
  'Grace',
  'Hugo',
  'Ines',
  'Jamal',
  'Kira',
  'Luca',
  'Mei',
  'Nora',
  'Omar',
  'Paula',
  'Quentin',
  'Rosa',
  'Stefan',
  'Tara',
  'Umar',
  'Vera',
  'Will',
  'Yara',
  'Zoe',
  'Anton',
  'Bianca',
  'Cem',
  'Daria',
  'Emil',
  'Fatima',
];
export const LAST_NAMES = [
  'Andersen',
  'Bakker',
  'Costa',
  'Dietrich',
  'Evans',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Müller',
  'Novak',
  "O'Brien",
  'Petrov',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urban',
  'Vargas',
  'Wagner',
  'Young',
  'Zimmermann',
];

export interface DemoGoal {
  title: string;
  why: string;
  owner: string;
  kpi: { name: string; unit: string; baseline: number; target: number; current: number; dueInDays: number };
  mandate: { statement: string; teams: TeamSlug[] };
  tags: string[];
}

export const GOALS: DemoGoal[] = [
  {
    title: 'Halve billing complaints by Q3',
    why: 'Billing confusion is the most common reason customers call us angry, and the second reason they leave.',
    owner: 'Priya Raman',
    kpi: {
      name: 'Billing complaints per month',
      unit: 'complaints',
      baseline: 140,
      target: 70,
      current: 112,
      dueInDays: 240,
    },
    mandate: {
      statement:
        'May change invoice layout, dunning emails and proration rules; may assign work to Billing and Support.',
      teams: ['billing', 'support'],
    },
    tags: ['billing', 'invoices', 'refunds'],
  },
  {
    title: 'New accounts see value within 7 days',
    why: 'Accounts that reach their first report in a week renew at twice the rate of those that take a month.',
    owner: 'Hannah Weiss',
    kpi: {
      name: 'Median days to first value',
      unit: 'days',
      baseline: 21,
      target: 7,
      current: 16,
      dueInDays: 180,
    },
    mandate: {
      statement:
        'May redesign onboarding, templates and the welcome sequence; may assign work to Customer Success, Product and Support.',
      teams: ['success', 'product', 'support'],
    },
    tags: ['onboarding', 'setup', 'templates'],
  },
  {
    title: 'Raise mid-market NPS from 22 to 40',
    why: 'Mid-market is our fastest-growing segment and our least enthusiastic one.',
    owner: 'Jonas Berger',
    kpi: { name: 'Mid-market NPS', unit: 'points', baseline: 22, target: 40, current: 27, dueInDays: 300 },
    mandate: {
      statement:
        'May change pricing packaging for mid-market and the account-management cadence; may assign work to Sales and Customer Success.',
      teams: ['sales', 'success'],
    },
    tags: ['pricing', 'account-management', 'nps'],
  },
  {
    title: 'Keep SMB monthly churn under 2%',
    why: 'Small customers leave quietly; by the time we notice, they are gone.',
    owner: 'Hannah Weiss',
    kpi: { name: 'SMB monthly churn', unit: '%', baseline: 3.4, target: 2, current: 3.1, dueInDays: 200 },
    mandate: {
      statement:
        'May offer retention discounts up to 20% and change cancellation flows; may assign work to Customer Success, Billing and Marketing.',
      teams: ['success', 'billing', 'marketing'],
    },
    tags: ['churn', 'cancellation', 'retention'],
  },
  {
    title: 'Make the mobile app a 4.5-star experience',
    why: 'Field teams live on their phones; the app is where they judge us.',
    owner: 'Tomás Okafor',
    kpi: {
      name: 'App store rating',
      unit: 'stars',
      baseline: 3.6,
      target: 4.5,
      current: 3.9,
      dueInDays: 270,
    },
    mandate: {
      statement:
        'May reprioritise the mobile backlog and change in-app support; may assign work to Product and Support.',
      teams: ['product', 'support'],
    },
    tags: ['mobile', 'offline', 'notifications'],
  },
];

export const COMPANY_STEMS = [
  'Acme',
  'Northwind',
  'Bluebird',
  'Kestrel',
  'Harbor',
  'Lumen',
  'Orchard',
  'Quarry',
  'Riverbend',
  'Summit',
  'Tidewater',
  'Vantage',
  'Wildflower',
  'Alder',
  'Beacon',
  'Cobalt',
  'Driftwood',
  'Evergreen',
  'Foxglove',
  'Granite',
  'Heron',
  'Ironwood',
  'Juniper',
  'Kingfisher',
  'Larkspur',
  'Meridian',
  'Nimbus',
  'Oakridge',
  'Pinecrest',
  'Redwood',
];
export const COMPANY_KINDS = [
  'Logistics',
  'Dental',
  'Bakery',
  'Architects',
  'Health',
  'Foods',
  'Robotics',
  'Legal',
  'Travel',
  'Retail',
  'Energy',
  'Studios',
  'Clinics',
  'Freight',
  'Analytics',
];
export const COMPANY_SUFFIXES = ['GmbH', 'Ltd', 'Inc', 'BV', 'SAS', 'AB', 'LLC', ''];
