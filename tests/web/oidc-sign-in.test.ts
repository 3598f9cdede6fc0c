import { afterAll, describe, expect, it } from 'vitest';
import { startOidcProvider } from '../support/oidc-provider';
import { ORIGIN, useWebHub } from '../support/web-hub';

const provider = await startOidcProvider(`${ORIGIN}/sign-in/oidc/callback`);
afterAll(() => provider.stop());

const hub = useWebHub({
  app: {
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: `${ORIGIN}/sign-in/oidc/callback`,
      providerName: 'Acme ID',
      allowInsecureRequests: true,
    },
  },
});

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** The whole round trip: the hub's button, the provider's pages, the hub's callback. */
async function signInWithProvider(login: string, next?: string) {
  const start = await hub.get(next ? `/sign-in/oidc?next=${encodeURIComponent(next)}` : '/sign-in/oidc');
  expect(start.status).toBe(302);
  const authorization = new URL(start.headers.get('location')!);
  const flowCookie = cookiesOf(start).find((c) => c.startsWith('heard_oidc='))!;
  const back = await provider.signInAt(authorization.href, login);
  expect(back.origin + back.pathname).toBe(`${ORIGIN}/sign-in/oidc/callback`);
  const callback = await hub.get(back.pathname + back.search, flowCookie);
  return { authorization, callback, back, flowCookie };
}

describe('single sign-on with OpenID Connect', () => {
  it('offers "Sign in with Acme ID" on the sign-in page', async () => {
    const html = await (await hub.get('/sign-in?next=%2Fgoals')).text();
    expect(html).toMatch(/<a href="\/sign-in\/oidc\?next=%2Fgoals"[^>]*>Sign in with <!-- -->Acme ID<\/a>/);
  });

  it('sends people to the provider with PKCE, state and nonce', async () => {
    const start = await hub.get('/sign-in/oidc');
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      redirect_uri: `${ORIGIN}/sign-in/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    for (const param of ['code_challenge', 'state', 'nonce'])
      expect(url.searchParams.get(param)).toMatch(/^.{20,}$/);
    expect(start.headers.get('set-cookie')).toMatch(
      /heard_oidc=.+; Path=\/sign-in\/oidc; HttpOnly; SameSite=Lax/,
    );
  });

  it('creates a frontline person on first sign-in and opens a session, with an audit record', async () => {
    provider.accounts['new-person'] = {
      email: 'alex.new@example.com',
      email_verified: true,
      name: 'Alex New',
    };
    const { callback } = await signInWithProvider('new-person', '/goals');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/goals');
    const session = cookiesOf(callback).find((c) => c.startsWith('heard_session=') && c.length > 20)!;
    expect(session).toBeDefined();
    const [person] = await hub.db
      .sql`select id, name, roles, team_id from people where email = 'alex.new@example.com'`;
    expect(person).toMatchObject({ name: 'Alex New', roles: ['frontline'], team_id: null });
    const feed = await hub.get('/', session);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Alex New');
    const audit = await hub.db.sql`
      select action, details from audit_events where subject_id = ${person!.id as string} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['person.created_by_sign_on', 'person.signed_in']);
    expect(audit[1]!.details).toMatchObject({
      method: 'oidc',
      issuer: provider.issuer,
      subject: 'new-person',
    });
  });

  it('matches an existing person by verified email, whatever its case, and keeps their roles', async () => {
    provider.accounts.priya = { email: 'Priya.Raman@Example.com', email_verified: true, name: 'P. Raman' };
    const before = await hub.db.sql`select count(*)::int as n from people`;
    const { callback } = await signInWithProvider('priya');
    expect(callback.status).toBe(302);
    const session = cookiesOf(callback).find((c) => c.startsWith('heard_session=') && c.length > 20)!;
    const goals = await hub.get('/goals', session);
    expect(await goals.text()).toContain('Priya Raman');
    const after = await hub.db.sql`select count(*)::int as n from people`;
    expect(after[0]!.n).toBe(before[0]!.n);
    const [person] = await hub.db.sql`select name, roles from people where email = 'priya.raman@example.com'`;
    expect(person).toMatchObject({ name: 'Priya Raman', roles: ['owner'] });
  });

  it('refuses an email the provider has not verified, with a clear message, and creates no one', async () => {
    provider.accounts.unverified = {
      email: 'maya.lindqvist@example.com',
      email_verified: false,
      name: 'Not Maya',
    };
    provider.accounts['unverified-new'] = { email: 'nobody.yet@example.com', name: 'Nobody Yet' };
    for (const login of ['unverified', 'unverified-new']) {
      const { callback } = await signInWithProvider(login);
      expect(callback.status).toBe(403);
      expect(cookiesOf(callback).some((c) => c.startsWith('heard_session='))).toBe(false);
      const html = await callback.text();
      expect(html).toContain('Acme ID has not verified the email address');
      expect(html).toContain('Verify it with Acme ID first, then sign in again.');
    }
    const [created] = await hub.db
      .sql`select count(*)::int as n from people where email = 'nobody.yet@example.com'`;
    expect(created!.n).toBe(0);
  });

  it('refuses a callback whose state does not match, or that arrives without the flow cookie', async () => {
    provider.accounts.chloe = { email: 'chloe.dubois@example.com', email_verified: true };
    const { flowCookie, back: firstBack } = await (async () => {
      const start = await hub.get('/sign-in/oidc');
      const cookie = cookiesOf(start).find((c) => c.startsWith('heard_oidc='))!;
      return { flowCookie: cookie, back: await provider.signInAt(start.headers.get('location')!, 'chloe') };
    })();
    const tampered = new URL(firstBack);
    tampered.searchParams.set('state', 'forged-state-value');
    const forged = await hub.get(tampered.pathname + tampered.search, flowCookie);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Signing in with Acme ID did not complete.');
    const cookieless = await hub.get(firstBack.pathname + firstBack.search);
    expect(cookieless.status).toBe(400);
    expect(await cookieless.text()).toContain('This sign-in took too long or was already used.');
  });

  it('says so when the person declines at the provider', async () => {
    const start = await hub.get('/sign-in/oidc');
    const cookie = cookiesOf(start).find((c) => c.startsWith('heard_oidc='))!;
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const denied = await hub.get(`/sign-in/oidc/callback?error=access_denied&state=${state}`, cookie);
    expect(denied.status).toBe(401);
    expect(await denied.text()).toContain('Acme ID did not sign you in (access_denied).');
  });

  it('refuses a deactivated person', async () => {
    await hub.db.sql`update people set deactivated_at = now() where email = 'sam.carter@example.com'`;
    provider.accounts.sam = { email: 'sam.carter@example.com', email_verified: true };
    const { callback } = await signInWithProvider('sam');
    expect(callback.status).toBe(403);
    expect(await callback.text()).toContain('Your Heard account has been deactivated.');
    expect(cookiesOf(callback).some((c) => c.startsWith('heard_session=') && c.length > 20)).toBe(false);
  });
});
