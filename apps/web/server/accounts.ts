import type { AccountLinkStore, AttemptLimiter, SessionStore } from '@heard/db';
import type { Logger } from 'pino';
import type { AccountsHub } from '../app/accounts-context';
import type { Mailer } from './mailer';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

/** 15 minutes: at most 5 failures per email and 20 per client address within it. */
export const ATTEMPT_WINDOW_SECONDS = 15 * 60;
export const MAX_PER_EMAIL = 5;
export const MAX_PER_ADDRESS = 20;

const emailKey = (kind: string, email: string) => `${kind}:email:${email.trim().toLowerCase()}`;

/** The accounts part of one request's HubContext; `address` is the client's, when known. */
export function createAccountsHub(options: {
  sessions: SessionStore;
  links: AccountLinkStore;
  limiter: AttemptLimiter;
  mailer: Mailer;
  log: Logger;
  secure: boolean;
  /** Where links point: PUBLIC_URL, or the origin this request came to. */
  baseUrl: string;
  address: string | null;
}): AccountsHub {
  const { sessions, links, limiter, mailer, log, secure, address } = options;
  const keys = (kind: string, email: string) => [
    { key: emailKey(kind, email), max: MAX_PER_EMAIL },
    ...(address ? [{ key: `${kind}:ip:${address}`, max: MAX_PER_ADDRESS }] : []),
  ];
  const url = (path: string) => new URL(path, options.baseUrl).toString();
  // Sent after the answer, so how long the SMTP server takes does not tell whether an account exists.
  const sendLater = (message: Parameters<Mailer['send']>[0]) => {
    mailer.send(message).catch((error) => log.error({ err: error, to: message.to }, 'email not sent'));
  };

  return {
    async signIn(email, password) {
      const limits = keys('sign-in', email);
      const check = await limiter.check(limits, ATTEMPT_WINDOW_SECONDS);
      if (check.limited) return { ok: false, reason: 'limited', retryAfterSeconds: check.retryAfterSeconds };
      const session = await sessions.signIn(email, password);
      if (!session) {
        await limiter.record(
          limits.map((l) => l.key),
          ATTEMPT_WINDOW_SECONDS,
        );
        return { ok: false, reason: 'mismatch' };
      }
      await limiter.clear(emailKey('sign-in', email));
      return { ok: true, cookie: sessionCookie(session.token, session.expiresAt, secure) };
    },

    async requestPasswordReset(email) {
      const limits = keys('reset', email);
      const check = await limiter.check(limits, ATTEMPT_WINDOW_SECONDS);
      if (check.limited) return { ok: false, retryAfterSeconds: check.retryAfterSeconds };
      await limiter.record(
        limits.map((l) => l.key),
        ATTEMPT_WINDOW_SECONDS,
      );
      const link = await links.issueReset(email);
      if (link)
        sendLater({
          to: link.email,
          subject: 'Reset your Heard password',
          text: [
            `Hello ${link.name},`,
            '',
            'Someone (we hope you) asked to reset your Heard password. To choose a new one, open:',
            '',
            url(`/reset/${link.token}`),
            '',
            'The link works once, for one hour. Setting a new password signs you out everywhere.',
            'If you did not ask for this, ignore this email: your password stays as it is.',
          ].join('\n'),
        });
      return { ok: true };
    },

    linkFor: (token, purpose) => links.peek(token, purpose),

    async setPasswordByLink(token, purpose, password) {
      const session = await links.redeem(token, purpose, password);
      return session && { cookie: sessionCookie(session.token, session.expiresAt, secure) };
    },

    async invite(input) {
      const created = await links.invite(input);
      if (!created) return null;
      const link = url(`/invite/${created.token}`);
      if (mailer.sends)
        sendLater({
          to: input.email,
          subject: 'You are invited to Heard',
          text: [
            `Hello ${input.name},`,
            '',
            'You have been invited to Heard, where what customers tell us becomes what we do.',
            'Choose your password here (the link works once, for seven days):',
            '',
            link,
          ].join('\n'),
        });
      return { link, emailed: mailer.sends };
    },

    people: () => links.listPeople(),

    async signOutEverywhere(personId) {
      await sessions.signOutEverywhere(personId);
      return clearedSessionCookie(secure);
    },
  };
}
