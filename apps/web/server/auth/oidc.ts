import type { SignOnStore } from '@heard/db';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import { sessionCookie } from '../session-cookie';
import type { OidcSettings } from './oidc-config';

const FLOW_COOKIE = 'heard_oidc';
const FLOW_PATH = '/sign-in/oidc';
const FLOW_SECONDS = 10 * 60;

/** Single sign-on as the sign-in routes see it (HubContext.singleSignOn). */
export interface SingleSignOn {
  providerName: string;
  /** The provider's authorization address, and the cookie keeping state, nonce and PKCE verifier. */
  start(next: string): Promise<{ url: string; cookie: string }>;
  /** Completes the code flow on the callback request: a session for the person with the verified email. */
  finish(request: Request): Promise<SignOnFinish>;
}

export type SignOnFinish =
  | { ok: true; cookies: string[]; next: string }
  | { ok: false; status: number; message: string; cookies: string[] };

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

const flowCookie = (value: string, maxAge: number, secure: boolean) =>
  [
    `${FLOW_COOKIE}=${value}`,
    `Path=${FLOW_PATH}`,
    'HttpOnly',
    // Lax: the provider's redirect back is a top-level navigation, which carries it.
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');

function readFlow(request: Request): Flow | null {
  const header = request.headers.get('cookie') ?? '';
  const raw = header
    .split(/;\s*/)
    .find((part) => part.startsWith(`${FLOW_COOKIE}=`))
    ?.slice(FLOW_COOKIE.length + 1);
  if (!raw) return null;
  try {
    const flow = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Flow>;
    if (typeof flow.state !== 'string' || typeof flow.nonce !== 'string' || typeof flow.verifier !== 'string')
      return null;
    return { state: flow.state, nonce: flow.nonce, verifier: flow.verifier, next: String(flow.next ?? '/') };
  } catch {
    return null;
  }
}

/** Providers disagree on the type (Cognito sends the string "true"); anything else is unverified. */
const isVerified = (value: unknown) => value === true || value === 'true';

/** Authorization code flow with PKCE, state and nonce (openid-client), ending in a Heard session. */
export function createSingleSignOn(options: {
  settings: OidcSettings;
  store: SignOnStore;
  log: Logger;
  secure: boolean;
}): SingleSignOn {
  const { settings, store, log, secure } = options;
  const provider = settings.providerName;
  let configuration: Promise<client.Configuration> | undefined;
  // Discovered on first use and kept; a provider that was down is asked again next time.
  const config = () => {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.allowInsecureRequests ? [client.allowInsecureRequests] : [],
      })
      .catch((error) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  const cleared = flowCookie('', 0, secure);
  const refuse = (status: number, message: string): SignOnFinish => ({
    ok: false,
    status,
    message,
    cookies: [cleared],
  });

  return {
    providerName: provider,

    async start(next) {
      const flow: Flow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        next,
      };
      const url = client.buildAuthorizationUrl(await config(), {
        redirect_uri: settings.redirectUrl,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      const value = Buffer.from(JSON.stringify(flow)).toString('base64url');
      return { url: url.href, cookie: flowCookie(value, FLOW_SECONDS, secure) };
    },

    async finish(request) {
      const params = new URL(request.url).searchParams;
      const flow = readFlow(request);
      if (!flow)
        return refuse(400, `This sign-in took too long or was already used. Sign in with ${provider} again.`);
      const denied = params.get('error');
      if (denied) {
        log.info(
          { error: denied, description: params.get('error_description') },
          'single sign-on refused by the provider',
        );
        return refuse(
          401,
          `${provider} did not sign you in (${denied}). Try again, or sign in with your password.`,
        );
      }
      // The registered redirect address, not the one the request reached (a proxy may rewrite it).
      const callback = new URL(settings.redirectUrl);
      callback.search = params.toString();
      let claims: Record<string, unknown>;
      try {
        const tokens = await client.authorizationCodeGrant(await config(), callback, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims()!;
        claims = { ...idToken };
        // Many providers leave email out of the ID token of a code flow and answer it from userinfo.
        if (claims.email === undefined)
          claims = {
            ...(await client.fetchUserInfo(await config(), tokens.access_token, idToken.sub)),
            ...idToken,
          };
      } catch (error) {
        log.warn({ err: error }, 'single sign-on failed');
        return refuse(400, `Signing in with ${provider} did not complete. Sign in with ${provider} again.`);
      }
      const email = typeof claims.email === 'string' ? claims.email.trim() : '';
      if (!email)
        return refuse(403, `${provider} did not share an email address, so Heard cannot tell who you are.`);
      if (!isVerified(claims.email_verified))
        return refuse(
          403,
          `${provider} has not verified the email address ${email}, so Heard cannot match it to a person. Verify it with ${provider} first, then sign in again.`,
        );
      const given = [claims.given_name, claims.family_name].filter((v) => typeof v === 'string').join(' ');
      const name = (typeof claims.name === 'string' && claims.name.trim()) || given || email.split('@')[0]!;
      const outcome = await store.signIn({
        email,
        name: name.slice(0, 200),
        issuer: settings.issuer,
        subject: String(claims.sub),
      });
      if (!outcome.ok)
        return refuse(403, 'Your Heard account has been deactivated. Ask an admin if you need it back.');
      if (outcome.created) log.info({ personId: outcome.person.id }, 'person created by single sign-on');
      return {
        ok: true,
        next: flow.next,
        cookies: [cleared, sessionCookie(outcome.token, outcome.expiresAt, secure)],
      };
    },
  };
}
