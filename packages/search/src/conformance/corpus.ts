// The fixed corpus of the search conformance suite: ids, people and ~40 documents whose
// expectations the suite computes from these objects, never from an engine.
import {
  INSIGHT_KINDS,
  type Person,
  SENTIMENTS,
  type SearchDocument,
  SOURCE_KINDS,
  TRIAGE_STATES,
} from '@heard/domain';

const id = (group: number, n: number) => `${group}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const TEAM = { support: id(2, 1), sales: id(2, 2), billing: id(2, 3), product: id(2, 4) };
export const GOAL = { retention: id(4, 1), cashflow: id(4, 2) };
export const CUSTOMER = { acme: id(5, 1), muller: id(5, 2), northwind: id(5, 3), bluebird: id(5, 4) };
const SEGMENT: Record<string, string> = {
  [CUSTOMER.acme]: 'Enterprise',
  [CUSTOMER.muller]: 'Enterprise',
  [CUSTOMER.northwind]: 'Mid-market',
  [CUSTOMER.bluebird]: 'SMB',
};
const NAME: Record<string, string> = {
  [CUSTOMER.acme]: 'Acme Corporation',
  [CUSTOMER.muller]: 'Müller GmbH',
  [CUSTOMER.northwind]: 'Northwind Traders',
  [CUSTOMER.bluebird]: 'Bluebird Ltd',
};

const person = (n: number, name: string, teamId: string | null, roles: Person['roles']): Person => ({
  id: id(3, n),
  email: `${name.toLowerCase()}@example.test`,
  name,
  teamId,
  roles,
  chat: {},
  createdAt: new Date('2025-01-01T00:00:00Z'),
});

/** The readers the suite searches as: each sees a different part of the corpus. */
export const PEOPLE = {
  /** No team, named nowhere, reported nothing restricted. */
  outsider: person(1, 'Oscar', null, ['frontline']),
  /** In Support; named on one restricted insight. */
  supportMember: person(2, 'Sam', TEAM.support, ['frontline', 'curator']),
  /** In Sales; named on restricted insights. */
  namedPerson: person(3, 'Fran', TEAM.sales, ['frontline']),
  /** In Billing; reported restricted insights she is not named on. */
  reporter: person(4, 'Rita', TEAM.billing, ['frontline']),
  admin: person(5, 'Ada', TEAM.product, ['admin']),
};
const OTHER_REPORTER = id(3, 9);

export const DOC = {
  titleInvoice: id(1, 1),
  bodyInvoice: id(1, 2),
  chargedTwice: id(1, 3),
  twiceCharged: id(1, 4),
  exportCsv: id(1, 5),
  exportPdf: id(1, 6),
  facture: id(1, 7),
  script: id(1, 8),
  zeppelin: id(1, 9),
  supportOnly: id(1, 10),
  billingOnly: id(1, 11),
  northwind: id(1, 12),
  refundDelay: id(1, 13),
  story: id(1, 14),
};

type Spec = Partial<SearchDocument> & { title: string; body: string };

const SPECIFIC: Spec[] = [
  {
    id: DOC.titleInvoice,
    title: 'Invoice totals are wrong',
    body: 'The totals on the monthly statement do not add up.',
    tags: ['billing'],
    customerIds: [CUSTOMER.acme],
  },
  {
    id: DOC.bodyInvoice,
    title: 'Customer confused by monthly statement',
    body: 'They could not find the invoice anywhere in the portal.',
    tags: ['billing'],
  },
  {
    id: DOC.chargedTwice,
    title: 'Double payment on one order',
    body: 'We were charged twice for the same order and want a refund.',
    tags: ['billing', 'refunds'],
    sentiment: 'negative',
  },
  {
    id: DOC.twiceCharged,
    title: 'Card declined at checkout',
    body: 'Twice now the card was charged and then declined at checkout.',
    tags: ['billing'],
  },
  {
    id: DOC.exportCsv,
    title: 'Export to CSV times out',
    body: 'Exporting the quarterly report as CSV never finishes.',
    tags: ['export'],
  },
  {
    id: DOC.exportPdf,
    title: 'PDF export is blurry',
    body: 'The exported PDF looks blurry when printed.',
    tags: ['export'],
  },
  {
    id: DOC.facture,
    title: 'Facture en double',
    body: 'Le client a été facturé deux fois pour la même commande.',
    tags: ['billing'],
    customerIds: [CUSTOMER.muller],
  },
  {
    id: DOC.script,
    title: 'Pasted markup in a note',
    body: 'The customer pasted <script>alert("pwned")</script> into the support note and it rendered as a blank note.',
    tags: ['security'],
  },
  {
    id: DOC.zeppelin,
    title: 'Zeppelin account wants single sign-on',
    body: 'The zeppelin rollout is blocked until single sign-on works.',
    visibility: { scope: 'people', personIds: [PEOPLE.namedPerson.id] },
    reporterId: PEOPLE.reporter.id,
  },
  {
    id: DOC.supportOnly,
    title: 'Support macro for refunds',
    body: 'Our refund macro sends the wrong invoice link.',
    visibility: { scope: 'team', teamId: TEAM.support },
    tags: ['refunds'],
  },
  {
    id: DOC.billingOnly,
    title: 'Dunning emails bounce',
    body: 'Invoice reminder emails bounce for several customers.',
    visibility: { scope: 'team', teamId: TEAM.billing },
    reporterId: PEOPLE.reporter.id,
    teamId: TEAM.billing,
  },
  {
    id: DOC.northwind,
    title: 'Churn risk at Northwind',
    body: 'Northwind may leave over repeated invoice errors.',
    kind: 'churn_risk',
    customerIds: [CUSTOMER.northwind],
    visibility: { scope: 'people', personIds: [PEOPLE.namedPerson.id, PEOPLE.supportMember.id] },
  },
  {
    id: DOC.refundDelay,
    title: 'Escalation about refund delays',
    body: 'The refund delay was escalated by their finance lead.',
    visibility: { scope: 'people', personIds: [PEOPLE.supportMember.id] },
    reporterId: PEOPLE.reporter.id,
  },
  {
    id: DOC.story,
    title: 'Self-serve billing portal feedback',
    body: 'Customers like managing payment methods themselves.',
    story: {
      headline: 'How Acme cut invoice disputes in half',
      summary: 'A clearer portal ended most disputes.',
      pullQuote: 'We stopped calling support.',
    },
    customerIds: [CUSTOMER.acme, CUSTOMER.bluebird],
  },
];

const FILLER: [string, string][] = [
  ['Mobile app crashes on login', 'The iOS app crashes right after entering the password.'],
  ['Dark mode request', 'Several users asked for a dark theme in the dashboard.'],
  ['Onboarding checklist praise', 'New admins love the onboarding checklist.'],
  ['Search is slow on large workspaces', 'Searching takes several seconds for big teams.'],
  ['Calendar sync drops events', 'Events created on mobile never reach the calendar.'],
  ['Keyboard shortcuts idea', 'Power users want shortcuts for triage.'],
  ['Notification overload', 'People receive too many notifications every morning.'],
  ['Slack integration setup confusing', 'The Slack setup page does not explain scopes.'],
  ['Great response time from support', 'The customer thanked the team for the quick answer.'],
  ['Timezone shown wrong in digest', 'The weekly digest shows times in UTC.'],
  ['Bulk edit for tags', 'Curators want to retag many insights at once.'],
  ['Password reset email delayed', 'Reset messages arrive after ten minutes.'],
  ['Teams bot ignores mentions', 'Mentions of the bot in channels are ignored.'],
  ['Data retention question', 'Legal asked how long attachments are kept.'],
  ['Dashboard charts load slowly', 'Charts on the overview take long to render.'],
  ['SSO with Okta works well', 'Setup with Okta took five minutes.'],
  ['Attachment upload fails on Safari', 'Large screenshots fail to upload in Safari.'],
  ['Request for API webhooks', 'Developers want webhooks when insights are triaged.'],
  ['Offline mode idea', 'Field staff want to draft insights without signal.'],
  ['Reporting by region', 'Sales leaders want reports split by region.'],
  ['Language settings reset', 'The language switches back to English after logout.'],
  ['Praise for the weekly digest', 'Leaders read the digest every Monday.'],
  ['Duplicate insights from email import', 'The email import created the same insight three times.'],
  ['Accessibility of the feed', 'Screen readers skip the reaction buttons.'],
  ['Roadmap visibility request', 'Customers ask to see what is planned.'],
  ['Trial extension requests', 'Prospects often ask for longer trials.'],
];

const BASE = Date.parse('2026-01-05T09:00:00Z');
const DAY = 86_400_000;
const TEAMS = [TEAM.support, TEAM.sales, TEAM.billing, null];
const GOALS = [[GOAL.retention], [GOAL.cashflow], [GOAL.retention, GOAL.cashflow], [], []];
const CUSTOMERS = [[CUSTOMER.bluebird], [], [CUSTOMER.acme, CUSTOMER.northwind], []];

function build(spec: Spec, i: number): SearchDocument {
  const customerIds = spec.customerIds ?? CUSTOMERS[i % CUSTOMERS.length]!;
  return {
    id: id(1, 100 + i),
    tags: [],
    story: null,
    kind: INSIGHT_KINDS[i % INSIGHT_KINDS.length]!,
    sentiment: SENTIMENTS[i % SENTIMENTS.length]!,
    source: SOURCE_KINDS[i % SOURCE_KINDS.length]!,
    reporterId: OTHER_REPORTER,
    teamId: TEAMS[i % TEAMS.length]!,
    goalIds: GOALS[i % GOALS.length]!,
    triage: TRIAGE_STATES[i % TRIAGE_STATES.length]!,
    visibility: { scope: 'everyone' },
    // Distinct for every document, so each sort has exactly one right order.
    evidenceCount: (i * 7) % 41,
    reactionCount: i % 5,
    customerValue: ((i * 13) % 43) * 1_000 + 500,
    createdAt: new Date(BASE + i * DAY + i * 61_000),
    ...spec,
    customerIds,
    customerNames: customerIds.map((c) => NAME[c]!),
    segments: [...new Set(customerIds.map((c) => SEGMENT[c]!))],
  };
}

/** 40 documents; the specific ones first (so `titleInvoice` is older than `bodyInvoice`). */
export const CORPUS: SearchDocument[] = [
  ...SPECIFIC,
  ...FILLER.map(([title, body]): Spec => ({ title, body })),
].map(build);

export const byId = new Map(CORPUS.map((d) => [d.id, d]));
