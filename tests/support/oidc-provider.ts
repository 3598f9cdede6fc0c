import type { Server } from 'node:http';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { freePort } from './free-port';

/** What the test provider says about one of its accounts. */
export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name; add to it before signing in. */
  accounts: Record<string, ProviderAccount>;
  /**
   * Plays the person at the provider: follows the authorization URL, signs in as `login` on the
   * provider's own pages, consents, and returns the address it sends the browser back to.
   */
  signInAt(authorizationUrl: string, login: string): Promise<URL>;
  stop(): Promise<void>;
}

/** A real OpenID provider (oidc-provider) on a loopback port, with its development sign-in pages. */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const accounts: Record<string, ProviderAccount> = {};
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'heard-hub',
        client_secret: 'heard-hub-secret-for-tests',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key'] },
    findAccount: (_ctx: unknown, sub: string) =>
      accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined,
  });
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));

  async function signInAt(authorizationUrl: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    const remember = (response: Response) => {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let url = new URL(authorizationUrl);
    let init: RequestInit = {};
    for (let step = 0; step < 12; step++) {
      if (url.origin !== issuer) return url;
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...init.headers, cookie: cookie() },
      });
      remember(response);
      init = {};
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      if (response.status !== 200)
        throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`No form on the provider's page: ${html.slice(0, 300)}`);
      const form: Record<string, string> = html.includes('name="login"')
        ? { prompt: 'login', login, password: 'any' }
        : { prompt: 'consent' };
      url = new URL(action.replaceAll('&amp;', '&'), url);
      init = {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    }
    throw new Error('The provider never sent the browser back');
  }

  return {
    issuer,
    clientId: 'heard-hub',
    clientSecret: 'heard-hub-secret-for-tests',
    accounts,
    signInAt,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
