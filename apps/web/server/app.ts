import { join } from 'node:path';
import {
  checkDatabase,
  countCurationQueue,
  createAccountLinkStore,
  createApiTokenStore,
  createAttemptLimiter,
  createCustomersHub,
  createDeps,
  createDigestsHub,
  createGovernanceHub,
  createNotificationStore,
  createPeopleAdmin,
  createSessionStore,
  createSignOnStore,
  type Database,
  listActionsFor,
  listGoalSummaries,
  listPublishedCollections,
  listPublishedStories,
  loadCustomerPage,
  loadGoalPage,
  loadProcessHealth,
} from '@heard/db';
import type { Clock, SearchIndex } from '@heard/domain';
import { type Context, Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { createRequestHandler, type ServerBuild } from 'react-router';
import type { HubContext } from '../app/context';
import { createChatLinkStore } from '../app/routes/link-chat.server';
import { createAccountsHub } from './accounts';
import { createApi } from './api';
import { createSingleSignOn } from './auth/oidc';
import type { OidcSettings } from './auth/oidc-config';
import { defaultClientAddress } from './client-address';
import { isDatabaseUnavailable, unavailableResponse } from './database-errors';
import { createMailer } from './mailer';
import { depsForOneRead } from './request-deps';
import {
  clearedSessionCookie,
  readSessionToken,
  readSessionTokenFromRequest,
  sessionCookie,
} from './session-cookie';
import { serveClientFiles } from './static';

export interface WebAppOptions {
  db: Database;
  /** The configured search engine, already prepared. */
  search: SearchIndex;
  build: ServerBuild | (() => Promise<ServerBuild>);
  log: Logger;
  mode?: 'production' | 'development';
  /** Offered on the sign-in page when the demo organisation is in the database. */
  demo?: { signIns: HubContext['demoSignIns']; password: string } | null;
  clock?: Clock;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** Serve the built client files (off when vite serves them in development). */
  serveAssets?: boolean;
  /** Account mail (password resets, invitations); without `smtpUrl` links go to the log. */
  mail?: { smtpUrl?: string; from?: string };
  /** Base of links in emails (PUBLIC_URL); by default the origin each request came to. */
  publicUrl?: string;
  /** Where attachments are stored; by default `.heard/uploads` under the working directory. */
  uploadsDir?: string;
  /** The client's address for sign-in rate limits; by default the socket's peer. */
  clientAddress?: (c: Context) => string | null;
  /** Single sign-on with OpenID Connect (`readOidcSettings`); null or absent: local accounts only. */
  oidc?: OidcSettings | null;
}

/** The web hub as a Hono app; `main.ts` serves it, tests call `app.request()`. */
export function createWebApp(options: WebAppOptions) {
  const { db, log } = options;
  const deps = createDeps(db.sql, options.clock);
  const customers = createCustomersHub(db.sql);
  const digests = createDigestsHub(db.sql, options.clock);
  const chatLinks = createChatLinkStore(db.sql, () => options.clock?.now() ?? new Date());
  const governance = createGovernanceHub(db.sql, { clock: options.clock, searchIndexes: [options.search] });
  const sessions = createSessionStore(db.sql);
  const apiTokens = createApiTokenStore(db.sql);
  const notifications = createNotificationStore(db.sql);
  const accountLinks = createAccountLinkStore(db.sql);
  const attemptLimiter = createAttemptLimiter(db.sql);
  const mailer = createMailer({ ...options.mail, log });
  const clientAddress = options.clientAddress ?? defaultClientAddress;
  const secure = options.secureCookies ?? false;
  const singleSignOn = options.oidc
    ? createSingleSignOn({ settings: options.oidc, store: createSignOnStore(db.sql), log, secure })
    : null;
  const peopleAdmin = createPeopleAdmin(db.sql);
  const handle = createRequestHandler(options.build, options.mode ?? 'production');
  const app = new Hono();

  app.get('/healthz', async (c) => {
    const [database, search] = await Promise.all([checkDatabase(db.sql), options.search.health()]);
    // Search answering from its fallback is degraded but serving; only the database makes us unavailable.
    const status = database.ok && search.ok ? 'ok' : 'degraded';
    return c.json(
      { status, database, search: { engine: options.search.engine, ...search } },
      database.ok ? 200 : 503,
    );
  });

  if (options.serveAssets !== false) serveClientFiles(app);
  // Before CSRF: the API authenticates by bearer token only, never by cookie, so there is nothing to forge.
  app.route('/api/v1', createApi({ deps, tokens: apiTokens, log }));
  // One-click unsubscribe (RFC 8058): mail systems POST here with no Origin header; the signed
  // token is the authority, so this answers before the CSRF check. The page's own button lands here too.
  app.post('/unsubscribe/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await digests.unsubscribeWithSignedLink(token)))
      return c.text('This unsubscribe link is not valid.', 404);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    return 'confirm' in form ? c.redirect(`/unsubscribe/${token}?done`, 303) : c.text('Unsubscribed.');
  });
  app.use('*', csrf());

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error }, 'database unavailable');
      return unavailableResponse();
    }
    log.error({ err: error, path: c.req.path }, 'request failed');
    return c.text('Heard hit an unexpected problem. It has been logged; try again in a moment.', 500);
  });

  app.all('*', async (c) => {
    const token = readSessionToken(c);
    const actor = token ? await sessions.personForToken(token) : null;
    const reads = c.req.method === 'GET' || c.req.method === 'HEAD';
    const hub: HubContext = {
      deps: reads ? depsForOneRead(deps) : deps,
      actor,
      sessions: {
        async signIn(email, password) {
          const session = await sessions.signIn(email, password);
          return session && { cookie: sessionCookie(session.token, session.expiresAt, secure) };
        },
        async signOut(request) {
          const current = readSessionTokenFromRequest(request);
          if (current) await sessions.signOut(current);
          return clearedSessionCookie(secure);
        },
      },
      accounts: createAccountsHub({
        sessions,
        links: accountLinks,
        limiter: attemptLimiter,
        mailer,
        log,
        secure,
        baseUrl: options.publicUrl ?? new URL(c.req.url).origin,
        address: clientAddress(c),
      }),
      notifications,
      apiTokens,
      singleSignOn,
      peopleAdmin,
      search: options.search,
      views: {
        goalSummaries: (scope, order) => listGoalSummaries(db.sql, scope, order),
        goalPage: (scope, goalId) => loadGoalPage(db.sql, scope, goalId),
        actionsFor: (personId) => listActionsFor(db.sql, personId),
        curationCount: (scope) => countCurationQueue(db.sql, scope),
        publishedStories: (scope, after) => listPublishedStories(db.sql, scope, { after }),
        publishedCollections: (scope) => listPublishedCollections(db.sql, scope),
        customerPage: (scope, customerId) => loadCustomerPage(db.sql, scope, customerId),
        processHealth: () => loadProcessHealth(db.sql, { now: options.clock?.now() }),
      },
      lookups: {
        teams: () => deps.teams.list(),
        activeGoals: () => deps.goals.list({ status: 'active' }),
        people: () => deps.people.list(),
        segments: async () =>
          (
            await db.sql`select distinct segment from customers where segment is not null order by segment`
          ).map((r) => r.segment as string),
        customers: (text, limit) => deps.customers.search(text, limit),
      },
      governance,
      digests,
      chatLinks,
      customers,
      demoSignIns: options.demo?.signIns ?? [],
      uploadsDir: options.uploadsDir ?? join('.heard', 'uploads'),
      demoPassword: options.demo?.password ?? null,
    };
    const response = await handle(c.req.raw, { hub });
    // A loader that lost the database renders as a 500; say what it is, so clients retry.
    if (response.status >= 500 && !(await checkDatabase(db.sql, 1000)).ok) return unavailableResponse();
    return response;
  });

  return app;
}
