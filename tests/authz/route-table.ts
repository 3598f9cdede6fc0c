/**
 * WHO MAY USE EACH PAGE AND API ENDPOINT: every route in apps/web/app/routes.ts and every
 * endpoint in /api/v1/openapi.json, with the exact set of people allowed.
 *
 * Adding or changing a route? Add or change its rows here. authz-matrix.test.ts fails while
 * routes.ts has a route (or a route module has a loader or an action) that no row covers, or the
 * OpenAPI document has an endpoint no row covers, and it fails when anyone but the listed people
 * gets through, or a listed person is refused.
 *
 * The people (fixtures.ts sets them up):
 * - frontline  Sam Carter (frontline only); reported the restricted insight; assignee of the action
 * - curator    Léa Moreau (curator only); outside the restricted insight's audience
 * - owner      Priya Raman (owner only); owns the goal; the restricted insight's one named reader
 * - leader     a leader and nothing else
 * - admin      an admin and nothing else (admins read every insight)
 * - stranger   Chloé Dubois (frontline), signed in but outside the restricted insight's audience
 * - outsider   signed out (pages) or without a token (API)
 *
 * Outcomes: `allowed` means the route did its work (2xx, a redirect other than to the sign-in
 * page, or 400/422 field errors: the route checked who was asking before it read the form).
 * Anyone else gets `refusal` (default: 403 page; 404 where the thing must not be known to exist),
 * and the outsider is sent to the sign-in page (pages) or gets 401 (API), unless `outsider` says otherwise.
 */
import type { Fixtures } from './fixtures';

export const ACTORS = ['frontline', 'curator', 'owner', 'leader', 'admin', 'stranger', 'outsider'] as const;
export type Actor = (typeof ACTORS)[number];
export type Outcome = 'allowed' | 'sign-in' | 'unauthorized' | 'forbidden' | 'not-found';

const SIGNED_IN: Actor[] = ['frontline', 'curator', 'owner', 'leader', 'admin', 'stranger'];
const EVERYONE: Actor[] = [...SIGNED_IN, 'outsider'];
/** Who may read the restricted insight: its reporter, its named reader, admins. */
const RESTRICTED_READERS: Actor[] = ['frontline', 'owner', 'admin'];

export interface RouteRow {
  /** The pattern exactly as in routes.ts ('' for the index route), or the OpenAPI path for the API. */
  route: string;
  method: 'GET' | 'POST';
  /** What this row asks, when a route has several rows (e.g. an open and a restricted insight). */
  note?: string;
  path(f: Fixtures): string;
  /** Form fields (pages) or JSON (API) sent with a POST. */
  body?(f: Fixtures, actor: Actor): Record<string, string | string[]> | object;
  allowed: Actor[];
  /** What signed-in people outside `allowed` get. */
  refusal?: 'forbidden' | 'not-found';
  /** Per-person exceptions to `refusal`. */
  refusals?: Partial<Record<Actor, Outcome>>;
}

/** Pages, in the order of routes.ts. */
export const PAGE_ROWS: RouteRow[] = [
  { route: '', method: 'GET', path: () => '/', allowed: SIGNED_IN },
  { route: 'sign-in', method: 'GET', path: () => '/sign-in', allowed: EVERYONE },
  {
    route: 'sign-in',
    method: 'POST',
    note: 'without a password: a field error, never a session',
    path: () => '/sign-in',
    body: () => ({ email: 'someone@example.com', password: '' }),
    allowed: EVERYONE,
  },
  { route: 'sign-in/oidc', method: 'GET', path: () => '/sign-in/oidc', allowed: EVERYONE },
  {
    route: 'sign-in/oidc/callback',
    method: 'GET',
    note: 'without a sign-in under way: a page saying so',
    path: () => '/sign-in/oidc/callback?code=x&state=y',
    allowed: EVERYONE,
  },
  { route: 'sign-out', method: 'GET', path: () => '/sign-out', allowed: EVERYONE },
  { route: 'sign-out', method: 'POST', path: () => '/sign-out', body: () => ({}), allowed: EVERYONE },
  { route: 'post', method: 'GET', path: () => '/post', allowed: SIGNED_IN },
  { route: 'post', method: 'POST', path: () => '/post', body: () => ({ body: '' }), allowed: SIGNED_IN },
  {
    route: 'insights/:id',
    method: 'GET',
    note: 'open insight',
    path: (f) => `/insights/${f.openInsightId}`,
    allowed: SIGNED_IN,
  },
  {
    route: 'insights/:id',
    method: 'GET',
    note: 'restricted insight',
    path: (f) => `/insights/${f.restrictedInsightId}`,
    allowed: RESTRICTED_READERS,
    refusal: 'not-found',
  },
  {
    route: 'insights/:id',
    method: 'POST',
    note: '"me too" on the restricted insight',
    path: (f) => `/insights/${f.restrictedInsightId}`,
    body: () => ({}),
    allowed: RESTRICTED_READERS,
    refusal: 'not-found',
  },
  {
    route: 'insights/:id',
    method: 'POST',
    note: 'an empty comment on the restricted insight: a field error for its readers',
    path: (f) => `/insights/${f.restrictedInsightId}`,
    body: () => ({ intent: 'comment', body: '' }),
    allowed: RESTRICTED_READERS,
    refusal: 'not-found',
  },
  {
    route: 'insights/:id',
    method: 'POST',
    note: 'undoing an unknown merge: curators get a message, others a 403',
    path: (f) => `/insights/${f.openInsightId}`,
    body: () => ({ intent: 'undo-merge', mergeId: '00000000-0000-4000-8000-000000000000' }),
    allowed: [],
    refusals: { curator: 'not-found', admin: 'not-found' },
  },
  {
    route: 'insights/:id/attachments/:attachmentId',
    method: 'GET',
    note: 'a file of the restricted insight: unknown to those outside it, and this one is not stored',
    path: (f) => `/insights/${f.restrictedInsightId}/attachments/00000000-0000-4000-8000-000000000000`,
    allowed: [],
    refusal: 'not-found',
  },
  {
    route: 'insights/:id',
    method: 'POST',
    note: 'adding files without choosing any: a field error for the reporter and admins',
    path: (f) => `/insights/${f.restrictedInsightId}`,
    body: () => ({ intent: 'attach' }),
    allowed: ['frontline', 'admin'],
    refusal: 'not-found',
    refusals: { owner: 'forbidden' },
  },
  {
    route: 'insights/:id/story',
    method: 'GET',
    note: 'open insight',
    path: (f) => `/insights/${f.openInsightId}/story`,
    allowed: ['curator', 'admin'],
  },
  {
    route: 'insights/:id/story',
    method: 'GET',
    note: 'restricted insight: curators outside its audience do not learn it exists',
    path: (f) => `/insights/${f.restrictedInsightId}/story`,
    allowed: ['admin'],
    refusals: { curator: 'not-found' },
  },
  {
    route: 'insights/:id/story',
    method: 'POST',
    note: 'an empty story form: field errors',
    path: (f) => `/insights/${f.openInsightId}/story`,
    body: () => ({ headline: '' }),
    allowed: ['curator', 'admin'],
  },
  { route: 'notifications', method: 'GET', path: () => '/notifications', allowed: SIGNED_IN },
  {
    route: 'notifications',
    method: 'POST',
    path: () => '/notifications',
    body: () => ({}),
    allowed: SIGNED_IN,
  },
  { route: 'search', method: 'GET', path: () => '/search?q=invoice', allowed: SIGNED_IN },
  {
    route: 'similar',
    method: 'GET',
    path: () => '/similar?text=charged%20twice%20for%20the%20invoice',
    allowed: SIGNED_IN,
  },
  {
    route: 'markdown-preview',
    method: 'POST',
    path: () => '/markdown-preview',
    body: () => ({ body: '**hello**' }),
    allowed: SIGNED_IN,
  },
  { route: 'customer-suggest', method: 'GET', path: () => '/customer-suggest?q=acme', allowed: SIGNED_IN },
  { route: 'saved-views', method: 'GET', path: () => '/saved-views', allowed: SIGNED_IN },
  {
    route: 'saved-views',
    method: 'POST',
    note: 'a view without a name: a field error',
    path: () => '/saved-views',
    body: () => ({ intent: 'save', name: '', query: 'kind=pain' }),
    allowed: SIGNED_IN,
  },
  { route: 'goals', method: 'GET', path: () => '/goals', allowed: SIGNED_IN },
  { route: 'goals/:id', method: 'GET', path: (f) => `/goals/${f.goalId}`, allowed: SIGNED_IN },
  {
    route: 'goals/:id',
    method: 'POST',
    note: "recording an evaluation: the goal's owner and admins",
    path: (f) => `/goals/${f.goalId}`,
    body: () => ({
      intent: 'evaluate',
      subject: 'goal',
      result: 'unchanged',
      kpiValue: '',
      note: 'Checked by the access matrix.',
    }),
    allowed: ['owner', 'admin'],
  },
  { route: 'actions', method: 'GET', path: () => '/actions', allowed: SIGNED_IN },
  {
    route: 'actions',
    method: 'POST',
    note: "moving an action: its assignee, the goal's owner, admins",
    path: () => '/actions',
    body: (f) => ({ intent: 'move', actionId: f.actionId, status: 'in_progress' }),
    allowed: ['frontline', 'owner', 'admin'],
  },
  { route: 'curation', method: 'GET', path: () => '/curation', allowed: ['curator', 'admin'] },
  {
    route: 'curation',
    method: 'POST',
    note: 'nothing ticked: a form error',
    path: () => '/curation',
    body: () => ({ intent: 'triage' }),
    allowed: ['curator', 'admin'],
  },
  {
    route: 'curation',
    method: 'POST',
    note: 'merging with one insight ticked: a form error',
    path: () => '/curation',
    body: (f) => ({ intent: 'merge', insightIds: [f.openInsightId] }),
    allowed: ['curator', 'admin'],
  },
  { route: 'stories', method: 'GET', path: () => '/stories', allowed: SIGNED_IN },
  {
    route: 'stories',
    method: 'POST',
    note: 'ordering a collection without its stories: a message for curators',
    path: () => '/stories',
    body: () => ({ intent: 'reorder', collectionId: '00000000-0000-4000-8000-000000000000' }),
    allowed: ['curator', 'admin'],
  },
  { route: 'health', method: 'GET', path: () => '/health', allowed: ['leader', 'admin'] },
  { route: 'customers/:id', method: 'GET', path: (f) => `/customers/${f.customerId}`, allowed: SIGNED_IN },
  {
    route: 'customers/:id',
    method: 'POST',
    note: 'a value that is no number: a field error for curators',
    path: (f) => `/customers/${f.customerId}`,
    body: () => ({ intent: 'value', segment: 'SMB', value: 'lots' }),
    allowed: ['curator', 'admin'],
  },
  {
    route: 'customers/review',
    method: 'GET',
    path: () => '/customers/review',
    allowed: ['curator', 'admin'],
  },
  {
    route: 'customers/review',
    method: 'POST',
    note: 'no pair named: a form error',
    path: () => '/customers/review',
    body: () => ({ decision: 'confirm' }),
    allowed: ['curator', 'admin'],
  },
  {
    route: 'customers/value',
    method: 'GET',
    path: () => '/customers/value',
    allowed: ['curator', 'leader', 'admin'],
  },
  { route: 'import', method: 'GET', path: () => '/import', allowed: ['admin'] },
  {
    route: 'import',
    method: 'POST',
    note: 'no file: a field error',
    path: () => '/import',
    body: () => ({ kind: 'customers', source: 'crm' }),
    allowed: ['admin'],
  },
  {
    route: 'import/:id',
    method: 'GET',
    note: 'an import that does not exist: admins learn so, nobody else gets that far',
    path: () => '/import/00000000-0000-4000-8000-000000000000',
    allowed: [],
    refusals: { admin: 'not-found' },
  },
  { route: 'settings', method: 'GET', path: () => '/settings', allowed: SIGNED_IN },
  {
    route: 'settings',
    method: 'POST',
    note: 'a token without a name: a field error',
    path: () => '/settings',
    body: () => ({ intent: 'create', name: '' }),
    allowed: SIGNED_IN,
  },
  { route: 'subscriptions', method: 'GET', path: () => '/subscriptions', allowed: SIGNED_IN },
  {
    route: 'subscriptions',
    method: 'POST',
    note: 'a time that does not exist: a field error, nothing subscribed',
    path: () => '/subscriptions',
    body: () => ({
      intent: 'subscribe',
      scopeKind: 'stories',
      cadence: 'weekly',
      weekday: '1',
      localTime: '25:00',
      timeZone: 'UTC',
      channel: 'web',
    }),
    allowed: SIGNED_IN,
  },
  { route: 'digests', method: 'GET', path: () => '/digests', allowed: SIGNED_IN },
  {
    route: 'digests/:id',
    method: 'GET',
    note: "someone else's or a missing digest: built for its reader only",
    path: () => '/digests/00000000-0000-4000-8000-000000000000',
    allowed: [],
    refusal: 'not-found',
  },
  {
    route: 'unsubscribe/:token',
    method: 'GET',
    note: 'a forged link: the signature is the only authority',
    path: () => '/unsubscribe/00000000-0000-4000-8000-000000000000.forged',
    allowed: [],
    refusal: 'not-found',
    refusals: { outsider: 'not-found' },
  },
  {
    route: 'link/:platform/:token',
    method: 'GET',
    note: 'a link Heard never made: signed-in people are told so, the signed-out sent to sign in',
    path: () => '/link/slack/not-a-token-heard-made',
    allowed: [],
    refusal: 'not-found',
  },
  {
    route: 'link/:platform/:token',
    method: 'POST',
    note: 'confirming a link Heard never made links nothing',
    path: () => '/link/teams/not-a-token-heard-made',
    allowed: [],
    refusal: 'not-found',
  },
  { route: 'forgot-password', method: 'GET', path: () => '/forgot-password', allowed: EVERYONE },
  {
    route: 'forgot-password',
    method: 'POST',
    path: () => '/forgot-password',
    body: () => ({ email: 'not an email' }),
    allowed: EVERYONE,
  },
  { route: 'reset/:token', method: 'GET', path: (f) => `/reset/${f.resetToken}`, allowed: EVERYONE },
  {
    route: 'reset/:token',
    method: 'POST',
    note: 'a password too short: a field error, the link stays unused',
    path: (f) => `/reset/${f.resetToken}`,
    body: () => ({ password: 'short' }),
    allowed: EVERYONE,
  },
  { route: 'invite/:token', method: 'GET', path: (f) => `/invite/${f.inviteToken}`, allowed: EVERYONE },
  {
    route: 'invite/:token',
    method: 'POST',
    path: (f) => `/invite/${f.inviteToken}`,
    body: () => ({ password: 'short' }),
    allowed: EVERYONE,
  },
  { route: 'admin/people', method: 'GET', path: () => '/admin/people', allowed: ['admin'] },
  {
    route: 'admin/people',
    method: 'POST',
    note: 'a team without a name: a field error',
    path: () => '/admin/people',
    body: () => ({ intent: 'create-team', teamName: '' }),
    allowed: ['admin'],
  },
  { route: 'admin/audit', method: 'GET', path: () => '/admin/audit', allowed: ['admin'] },
  { route: 'admin/audit.csv', method: 'GET', path: () => '/admin/audit.csv', allowed: ['admin'] },
  { route: 'admin/retention', method: 'GET', path: () => '/admin/retention', allowed: ['admin'] },
  {
    route: 'admin/retention',
    method: 'POST',
    note: 'a policy kept for 0 days: a field error',
    path: () => '/admin/retention',
    body: () => ({
      intent: 'policy',
      data: 'notifications',
      source: '',
      keepDays: '0',
      afterwards: 'delete',
    }),
    allowed: ['admin'],
  },
  { route: 'admin/erasure', method: 'GET', path: () => '/admin/erasure', allowed: ['admin'] },
  {
    route: 'admin/erasure',
    method: 'POST',
    note: 'erasure without the confirmation ticked: refused with a message, nothing erased',
    path: () => '/admin/erasure',
    body: (f) => ({ customerId: f.customerId }),
    allowed: ['admin'],
  },
  {
    route: 'admin/erasure/export',
    method: 'GET',
    path: (f) => `/admin/erasure/export?customer=${f.customerId}`,
    allowed: ['admin'],
  },
  { route: 'admin/data-map', method: 'GET', path: () => '/admin/data-map', allowed: ['admin'] },
  { route: 'sign-out-everywhere', method: 'GET', path: () => '/sign-out-everywhere', allowed: EVERYONE },
  {
    route: 'sign-out-everywhere',
    method: 'POST',
    path: () => '/sign-out-everywhere',
    body: () => ({}),
    allowed: SIGNED_IN,
  },
];

/** The REST API under /api/v1, by the paths of its OpenAPI document. */
export const API_ROWS: RouteRow[] = [
  { route: '/openapi.json', method: 'GET', path: () => '/openapi.json', allowed: EVERYONE },
  { route: '/insights', method: 'GET', path: () => '/insights?limit=5', allowed: SIGNED_IN },
  {
    route: '/insights',
    method: 'POST',
    note: 'an empty body: 400 with fields',
    path: () => '/insights',
    body: () => ({}),
    allowed: SIGNED_IN,
  },
  {
    route: '/insights/{id}',
    method: 'GET',
    note: 'open insight',
    path: (f) => `/insights/${f.openInsightId}`,
    allowed: SIGNED_IN,
  },
  {
    route: '/insights/{id}',
    method: 'GET',
    note: 'restricted insight',
    path: (f) => `/insights/${f.restrictedInsightId}`,
    allowed: RESTRICTED_READERS,
    refusal: 'not-found',
  },
  {
    route: '/insights/{id}/evidence',
    method: 'POST',
    note: 'evidence on the restricted insight',
    path: (f) => `/insights/${f.restrictedInsightId}/evidence`,
    body: (f) => ({ customerId: f.customerId, note: 'Heard from them too.' }),
    allowed: RESTRICTED_READERS,
    refusal: 'not-found',
  },
  { route: '/goals', method: 'GET', path: () => '/goals', allowed: SIGNED_IN },
  { route: '/goals/{id}', method: 'GET', path: (f) => `/goals/${f.goalId}`, allowed: SIGNED_IN },
  {
    route: '/goals/{id}/actions',
    method: 'GET',
    path: (f) => `/goals/${f.goalId}/actions`,
    allowed: SIGNED_IN,
  },
];

/** What `row` promises each person. */
export function expectedOutcome(row: RouteRow, actor: Actor, api: boolean): Outcome {
  if (row.allowed.includes(actor)) return 'allowed';
  if (row.refusals?.[actor]) return row.refusals[actor]!;
  if (actor === 'outsider') return api ? 'unauthorized' : 'sign-in';
  return row.refusal ?? 'forbidden';
}
