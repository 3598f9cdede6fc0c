import { z } from 'zod';

/** Single sign-on settings; null when OIDC_ISSUER is not set (local accounts only). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back: OIDC_REDIRECT_URL, or PUBLIC_URL + /sign-in/oidc/callback. */
  redirectUrl: string;
  /** Shown on the button: "Sign in with Okta". */
  providerName: string;
  /** Plain-http issuer, for tests against a provider on localhost only; never read from the environment. */
  allowInsecureRequests?: boolean;
}

export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';

const url = z.string().url();
const OidcEnvSchema = z.object({
  OIDC_ISSUER: url,
  OIDC_CLIENT_ID: z.string().min(1),
  OIDC_CLIENT_SECRET: z.string().min(1),
  OIDC_REDIRECT_URL: url.optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).max(40).optional(),
  PUBLIC_URL: url.optional(),
});

/** Reads OIDC_* once at start; a partial or malformed set stops start-up with a sentence naming it. */
export function readOidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const set = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value && /^(OIDC_|PUBLIC_URL$)/.test(key)),
  );
  if (!Object.keys(set).some((key) => key.startsWith('OIDC_'))) return null;
  const parsed = OidcEnvSchema.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `Environment variable ${String(issue.path[0])} is not valid for single sign-on: ${issue.message}. ` +
        'Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none of them.',
    );
  }
  const e = parsed.data;
  const redirectUrl = e.OIDC_REDIRECT_URL ?? (e.PUBLIC_URL && new URL(OIDC_CALLBACK_PATH, e.PUBLIC_URL).href);
  if (!redirectUrl)
    throw new Error(
      `Single sign-on needs the hub's address: set PUBLIC_URL (or OIDC_REDIRECT_URL to the full ${OIDC_CALLBACK_PATH} address).`,
    );
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUrl,
    providerName: e.OIDC_PROVIDER_NAME ?? new URL(e.OIDC_ISSUER).hostname,
  };
}
