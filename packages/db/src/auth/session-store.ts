import { createHash, randomBytes } from 'node:crypto';
import type { Person } from '@heard/domain';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../repositories/db';
import { personToDomain } from '../repositories/person.repository';

const SESSION_DAYS = 30;

// Only a digest of the token is stored, so a leaked sessions table cannot be replayed.
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

// Verifying against a real hash when the email is unknown keeps the timing of both failures alike.
let decoyHash: Promise<string> | undefined;

/** Server-side sessions for people signing in with email and password. */
export function createSessionStore(db: Db) {
  return {
    /** Checks the password and opens a session; null when they do not match an account. */
    async signIn(
      email: string,
      password: string,
    ): Promise<{ token: string; person: Person; expiresAt: Date } | null> {
      // A deactivated person's password no longer opens a session.
      const [row] =
        await db`select *, password_hash from people where email = ${email.trim()} and deactivated_at is null`;
      if (!row?.password_hash) {
        decoyHash ??= hash('decoy-password');
        await verify(await decoyHash, password).catch(() => false);
        return null;
      }
      if (!(await verify(row.password_hash as string, password).catch(() => false))) return null;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
      await db`insert into sessions (id, person_id, expires_at) values (${digest(token)}, ${row.id}, ${expiresAt})`;
      await db`insert into audit_events (actor_id, action, subject_type, subject_id) values (${row.id}, 'person.signed_in', 'person', ${row.id})`;
      return { token, person: personToDomain(row), expiresAt };
    },
    /** Opens a session for a person already proven to be who they say (a reset or invitation link). */
    async open(personId: string): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
      await db`insert into sessions (id, person_id, expires_at) values (${digest(token)}, ${personId}, ${expiresAt})`;
      return { token, expiresAt };
    },
    /** The person a session token belongs to, while it is valid. */
    async personForToken(token: string): Promise<Person | null> {
      const [row] = await db`
        select p.* from sessions s join people p on p.id = s.person_id
        where s.id = ${digest(token)} and s.expires_at > now() and p.deactivated_at is null`;
      return row ? personToDomain(row) : null;
    },
    async signOut(token: string): Promise<void> {
      await db`delete from sessions where id = ${digest(token)}`;
    },
    /** Ends every session of a person ("sign out everywhere"). */
    async signOutEverywhere(personId: string): Promise<void> {
      await db`delete from sessions where person_id = ${personId}`;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
