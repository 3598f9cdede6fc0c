import type { PersonForAdmin } from '@heard/db';
import type { Role } from '@heard/domain';

/** Sign-in with rate limits, password links (reset, invitation) and "sign out everywhere". */
export interface AccountsHub {
  signIn(email: string, password: string): Promise<SignInOutcome>;
  /**
   * Emails a reset link when the email has an account; says nothing either way (no account
   * enumeration) unless too many requests came from this email or address.
   */
  requestPasswordReset(email: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
  /** Whom a reset or invitation link belongs to, while it may be used. */
  linkFor(token: string, purpose: 'reset' | 'invite'): Promise<{ name: string; email: string } | null>;
  /** Sets the password, ends every session of that person and signs them in; null if the link is spent. */
  setPasswordByLink(
    token: string,
    purpose: 'reset' | 'invite',
    password: string,
  ): Promise<{ cookie: string } | null>;
  /** Admins only (the route checks): creates the person and returns their invitation link. */
  invite(input: {
    email: string;
    name: string;
    teamId: string | null;
    roles: Role[];
    invitedBy: string;
  }): Promise<{ link: string; emailed: boolean } | null>;
  people(): Promise<PersonForAdmin[]>;
  /** Ends every session of the person, this one included; returns the cookie that clears it. */
  signOutEverywhere(personId: string): Promise<string>;
}

export type SignInOutcome =
  | { ok: true; cookie: string }
  | { ok: false; reason: 'mismatch' }
  | { ok: false; reason: 'limited'; retryAfterSeconds: number };
