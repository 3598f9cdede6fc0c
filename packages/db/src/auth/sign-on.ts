import type { Person } from '@heard/domain';
import type postgres from 'postgres';
import { personToDomain } from '../repositories/person.repository';
import { createSessionStore } from './session-store';

/** What the identity provider vouched for; `email` only once the provider said it is verified. */
export interface VerifiedIdentity {
  email: string;
  name: string;
  /** The provider's issuer URL and its subject id, kept in the audit trail. */
  issuer: string;
  subject: string;
}

export type SignOnOutcome =
  | { ok: true; token: string; expiresAt: Date; person: Person; created: boolean }
  | { ok: false; reason: 'deactivated' };

/**
 * Single sign-on: the person with this verified email, created with the frontline role on their
 * first sign-in, gets a server-side session exactly like a password sign-in.
 */
export function createSignOnStore(sql: postgres.Sql) {
  return {
    async signIn(identity: VerifiedIdentity): Promise<SignOnOutcome> {
      return sql.begin(async (tx) => {
        // `email` is citext, so Alex@Example.com at the provider is alex@example.com here.
        const [inserted] = await tx`
          insert into people (email, name, roles) values (${identity.email.trim()}, ${identity.name}, '{frontline}')
          on conflict (email) do nothing
          returning *`;
        const row = inserted ?? (await tx`select * from people where email = ${identity.email.trim()}`)[0];
        if (!row) throw new Error('The person was neither created nor found');
        if (row.deactivated_at) return { ok: false as const, reason: 'deactivated' as const };
        const personId = row.id as string;
        const details = tx.json({ method: 'oidc', issuer: identity.issuer, subject: identity.subject });
        if (inserted)
          await tx`
            insert into audit_events (actor_id, action, subject_type, subject_id, details)
            values (${personId}, 'person.created_by_sign_on', 'person', ${personId}, ${details})`;
        const session = await createSessionStore(tx).open(personId);
        await tx`
          insert into audit_events (actor_id, action, subject_type, subject_id, details)
          values (${personId}, 'person.signed_in', 'person', ${personId}, ${details})`;
        return { ok: true as const, ...session, person: personToDomain(row), created: Boolean(inserted) };
      });
    },
  };
}

export type SignOnStore = ReturnType<typeof createSignOnStore>;
