import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@heard/domain';
import { hash } from '@node-rs/argon2';
import type postgres from 'postgres';
import type { Db } from '../repositories/db';
import { createSessionStore } from './session-store';

export type AccountLinkPurpose = 'reset' | 'invite';

/** How long a link may be used: an hour to reset a password, a week to accept an invitation. */
export const LINK_LIFETIME_MS: Record<AccountLinkPurpose, number> = {
  reset: 60 * 60_000,
  invite: 7 * 86_400_000,
};

// Only a digest of the token is stored, so a leaked table cannot be replayed.
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface PersonForAdmin {
  id: string;
  name: string;
  email: string;
  team: string | null;
  roles: Role[];
  /** Invited and has not chosen a password yet. */
  invited: boolean;
}

/** Single-use links that let a person set their password: password resets and invitations. */
export function createAccountLinkStore(sql: postgres.Sql) {
  async function issue(
    db: Db,
    personId: string,
    purpose: AccountLinkPurpose,
    createdBy: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    // A new link replaces the person's earlier unused ones of the same kind.
    await db`delete from account_links where person_id = ${personId} and purpose = ${purpose} and used_at is null`;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS[purpose]);
    await db`
      insert into account_links (id, person_id, purpose, created_by, expires_at)
      values (${digest(token)}, ${personId}, ${purpose}, ${createdBy}, ${expiresAt})`;
    return { token, expiresAt };
  }

  return {
    /** A reset link for the account with this email; null when there is none. */
    async issueReset(email: string): Promise<{ token: string; name: string; email: string } | null> {
      const [person] =
        await sql`select id, name, email from people where email = ${email.trim()} and deactivated_at is null`;
      if (!person) return null;
      const { token } = await issue(sql, person.id as string, 'reset', null);
      return { token, name: person.name as string, email: person.email as string };
    },

    /** Creates a person without a password and their invitation link; null when the email is taken. */
    async invite(input: {
      email: string;
      name: string;
      teamId: string | null;
      roles: Role[];
      invitedBy: string;
    }): Promise<{ token: string; personId: string } | null> {
      return sql.begin(async (tx) => {
        const [person] = await tx`
          insert into people (email, name, team_id, roles)
          values (${input.email.trim()}, ${input.name}, ${input.teamId}, ${input.roles})
          on conflict (email) do nothing
          returning id`;
        if (!person) return null;
        const personId = person.id as string;
        const { token } = await issue(tx, personId, 'invite', input.invitedBy);
        await tx`
          insert into audit_events (actor_id, action, subject_type, subject_id, details)
          values (${input.invitedBy}, 'person.invited', 'person', ${personId}, ${tx.json({ roles: input.roles })})`;
        return { token, personId };
      });
    },

    /** Whom a link belongs to, while it is unused and unexpired. */
    async peek(token: string, purpose: AccountLinkPurpose): Promise<{ name: string; email: string } | null> {
      const [row] = await sql`
        select p.name, p.email from account_links l join people p on p.id = l.person_id
        where l.id = ${digest(token)} and l.purpose = ${purpose}
          and l.used_at is null and l.expires_at > now()`;
      return row ? { name: row.name as string, email: row.email as string } : null;
    },

    /**
     * Uses a link once: sets the password, ends every session of that person ("signed out
     * everywhere") and opens a new one. Null when the link is unknown, used or expired.
     */
    async redeem(
      token: string,
      purpose: AccountLinkPurpose,
      password: string,
    ): Promise<{ token: string; expiresAt: Date; personId: string } | null> {
      const passwordHash = await hash(password);
      return sql.begin(async (tx) => {
        const [link] = await tx`
          update account_links set used_at = now()
          where id = ${digest(token)} and purpose = ${purpose} and used_at is null and expires_at > now()
          returning person_id`;
        if (!link) return null;
        const personId = link.person_id as string;
        await tx`update people set password_hash = ${passwordHash} where id = ${personId}`;
        // Any other outstanding link of this person could otherwise set the password again.
        await tx`delete from account_links where person_id = ${personId} and used_at is null`;
        const sessions = createSessionStore(tx);
        await sessions.signOutEverywhere(personId);
        const session = await sessions.open(personId);
        const action = purpose === 'reset' ? 'person.password_reset' : 'person.invitation_accepted';
        await tx`
          insert into audit_events (actor_id, action, subject_type, subject_id)
          values (${personId}, ${action}, 'person', ${personId})`;
        return { ...session, personId };
      });
    },

    /** Everyone, for the admin's people page. */
    async listPeople(): Promise<PersonForAdmin[]> {
      const rows = await sql`
        select p.id, p.name, p.email, t.name as team, p.roles,
          (p.password_hash is null and exists (
            select 1 from account_links l
            where l.person_id = p.id and l.purpose = 'invite' and l.used_at is null
          )) as invited
        from people p left join teams t on t.id = p.team_id
        order by p.name`;
      return rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        email: r.email as string,
        team: (r.team as string | null) ?? null,
        roles: r.roles as Role[],
        invited: Boolean(r.invited),
      }));
    },
  };
}

export type AccountLinkStore = ReturnType<typeof createAccountLinkStore>;
