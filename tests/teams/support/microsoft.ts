// The Microsoft side of a Teams conversation, offline: the Bot Framework's OpenID metadata and
// signing keys (a local RSA key), Entra's token endpoint for MSAL, and a Bot Connector service
// URL that records what the bot sends. One module so every Teams test speaks to the same fakes.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

export const APP_ID = '00000000-0000-4000-8000-00000000a991';
export const TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const SERVICE_URL = 'https://smba.test.example/teams/';
export const BOT_ISSUER = 'https://api.botframework.com';
const KEYS_URL = 'https://login.botframework.com/v1/.well-known/keys';
const OPENID_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
/**
 * The bot's own access token, shaped like Entra's (a JWT with an expiry): the SDK caches a token
 * it can read the expiry of, as it does in production, and asks MSAL again for one it cannot.
 */
export const BOT_TOKEN = [
  { alg: 'RS256', typ: 'JWT' },
  {
    aud: 'https://api.botframework.com',
    exp: Math.floor(Date.now() / 1000) + 24 * 3600,
    sub: 'bot-connector-token',
  },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');

/** What the bot sent to the connector: method, path under the service URL, body, bearer token. */
export interface SentCall {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
  authorization: string | null;
}

export interface MicrosoftMock {
  /** Signs a token as the Bot Framework would; override claims to forge bad ones. */
  token(
    claims?: Record<string, unknown>,
    options?: { key?: 'trusted' | 'stranger'; expiresIn?: string },
  ): Promise<string>;
  /** Every call to the service URL, oldest first (paths decoded, so ids read as Teams writes them). */
  sent: SentCall[];
  /** Posted activities (new messages and replies), oldest first. */
  posted(): SentCall[];
  /** Makes the next `count` posts answer `status` (429 with Retry-After by default). */
  failNext(count: number, status?: number, retryAfter?: string): void;
  /** The email Teams gives for a member id (for people not yet linked by object id). */
  members: Map<string, { email: string; aadObjectId?: string }>;
  tokenRequests: number;
}

/** The fakes and an msw server answering them; `start` makes the keys and listens. */
export function createMicrosoftMock(): {
  mock: MicrosoftMock;
  start(): Promise<void>;
  reset(): void;
  stop(): void;
} {
  let trusted: CryptoKey;
  let stranger: CryptoKey;
  let jwk: JWK;
  const failures: { status: number; retryAfter: string }[] = [];
  const mock: MicrosoftMock = {
    sent: [],
    members: new Map(),
    tokenRequests: 0,
    posted: () => mock.sent.filter((c) => c.method === 'POST' && c.path.includes('/activities')),
    failNext(count, status = 429, retryAfter = '0') {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfter });
    },
    async token(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: SERVICE_URL, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'heard-test-key', typ: 'JWT' })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : BOT_ISSUER)
        .setAudience(typeof claims.aud === 'string' ? claims.aud : APP_ID)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.key === 'stranger' ? stranger : trusted);
    },
  };
  const base = SERVICE_URL.replace(/\/$/, '');
  const record = async (request: Request, path: string) => {
    const text = await request.text();
    const call: SentCall = {
      method: request.method,
      path: decodeURIComponent(path),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      authorization: request.headers.get('authorization'),
    };
    mock.sent.push(call);
    return call;
  };
  const server = setupServer(
    http.get(OPENID_URL, () =>
      HttpResponse.json({
        issuer: BOT_ISSUER,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: KEYS_URL,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      }),
    ),
    http.get(KEYS_URL, () =>
      HttpResponse.json({ keys: [{ ...jwk, kid: 'heard-test-key', use: 'sig', alg: 'RS256' }] }),
    ),
    // Entra's keys are shared by every tenant, which is why the issuer must be checked too.
    http.get('https://login.microsoftonline.com/:tenant/discovery/v2.0/keys', () =>
      HttpResponse.json({ keys: [{ ...jwk, kid: 'heard-test-key', use: 'sig', alg: 'RS256' }] }),
    ),
    // MSAL's client-credentials flow: authority metadata, then the token itself.
    http.get('https://login.microsoftonline.com/common/discovery/instance', () =>
      HttpResponse.json({
        tenant_discovery_endpoint: `https://login.microsoftonline.com/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: [
              'login.microsoftonline.com',
              'login.windows.net',
              'login.microsoft.com',
              'sts.windows.net',
            ],
          },
        ],
      }),
    ),
    http.get(
      'https://login.microsoftonline.com/:tenant/v2.0/.well-known/openid-configuration',
      ({ params }) =>
        HttpResponse.json({
          token_endpoint: `https://login.microsoftonline.com/${params.tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `https://login.microsoftonline.com/${params.tenant}/oauth2/v2.0/authorize`,
          issuer: `https://login.microsoftonline.com/${params.tenant}/v2.0`,
          jwks_uri: `https://login.microsoftonline.com/${params.tenant}/discovery/v2.0/keys`,
          end_session_endpoint: `https://login.microsoftonline.com/${params.tenant}/oauth2/v2.0/logout`,
          response_types_supported: ['code', 'id_token', 'token'],
        }),
    ),
    http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', () => {
      mock.tokenRequests++;
      return HttpResponse.json({
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: BOT_TOKEN,
      });
    }),
    http.get(`${base}/v3/conversations/:conversation/members/:member`, async ({ request, params }) => {
      await record(request, new URL(request.url).pathname.replace(new URL(base).pathname, ''));
      const member = mock.members.get(String(params.member));
      if (!member) return HttpResponse.json({ error: { code: 'MemberNotFound' } }, { status: 404 });
      return HttpResponse.json({
        id: params.member,
        email: member.email,
        userPrincipalName: member.email,
        aadObjectId: member.aadObjectId,
      });
    }),
    http.all(`${base}/v3/conversations/:conversation/activities/:activity?`, async ({ request }) => {
      await record(request, new URL(request.url).pathname.replace(new URL(base).pathname, ''));
      const failure = failures.shift();
      if (failure)
        return HttpResponse.json(
          { error: { code: 'Throttled' } },
          { status: failure.status, headers: { 'retry-after': failure.retryAfter } },
        );
      return HttpResponse.json({ id: `sent-${randomUUID()}` });
    }),
  );
  return {
    mock,
    async start() {
      const pair = await generateKeyPair('RS256', { extractable: true });
      trusted = pair.privateKey;
      jwk = await exportJWK(pair.publicKey);
      stranger = (await generateKeyPair('RS256')).privateKey;
      // Loopback is the bot's own server (benchmarks call it); every other host must be faked here.
      server.listen({
        onUnhandledRequest: (request, print) => {
          if (!['127.0.0.1', 'localhost'].includes(new URL(request.url).hostname)) print.error();
        },
      });
    },
    reset() {
      failures.length = 0;
    },
    stop() {
      server.close();
    },
  };
}
