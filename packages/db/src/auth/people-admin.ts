import type { Role } from '@heard/domain';
import type postgres from 'postgres';
import { asDate, type Db, isUuid } from '../repositories/db';

/** One row of the admin's people page. */
export interface ManagedPerson {
  id: string;
  name: string;
  email: string;
  teamId: string | null;
  team: string | null;
  roles: Role[];
  /** Invited and has not chosen a password yet. */
  invited: boolean;
  deactivatedAt: Date | null;
}

/** Why a change was refused; the page turns each into a sentence. */
export type PeopleAdminRefusal = 'not-found' | 'last-admin' | 'self' | 'team-not-found' | 'team-taken';

export type PeopleAdminResult = { ok: true } | { ok: false; reason: PeopleAdminRefusal };

const refused = (reason: PeopleAdminRefusal) => ({ ok: false as const, reason });
const done = { ok: true as const };

const audit = (db: Db, actorId: string, action: string, subjectId: string, details: object = {}) =>
  db`insert into audit_events (actor_id, action, subject_type, subject_id, details)
     values (${actorId}, ${action}, 'person', ${subjectId}, ${db.json(details as never)})`;

/**
 * Active admins other than `personId`, locked until the transaction ends so two admins demoting
 * each other at the same moment cannot leave the organisation with none.
 */
async function otherActiveAdmins(tx: Db, personId: string): Promise<number> {
  const rows = await tx`
    select id from people where 'admin' = any(roles) and deactivated_at is null and id <> ${personId}
    for update`;
  return rows.length;
}

/** Slugs are ascii, lower case, dash separated: "Customer Success" → "customer-success". */
export const teamSlug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'team';

/** Roles, teams and deactivation, for admins (the route checks who is asking); every change audited. */
export function createPeopleAdmin(sql: postgres.Sql) {
  return {
    async list(): Promise<ManagedPerson[]> {
      const rows = await sql`
        select p.id, p.name, p.email, p.team_id, t.name as team, p.roles, p.deactivated_at,
          (p.password_hash is null and exists (
            select 1 from account_links l
            where l.person_id = p.id and l.purpose = 'invite' and l.used_at is null
          )) as invited
        from people p left join teams t on t.id = p.team_id
        order by p.deactivated_at is not null, p.name`;
      return rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        email: r.email as string,
        teamId: (r.team_id as string | null) ?? null,
        team: (r.team as string | null) ?? null,
        roles: r.roles as Role[],
        invited: Boolean(r.invited),
        deactivatedAt: r.deactivated_at ? asDate(r.deactivated_at) : null,
      }));
    },

    /** Replaces a person's roles; the last active admin keeps theirs. */
    async setRoles(actorId: string, personId: string, roles: Role[]): Promise<PeopleAdminResult> {
      if (!isUuid(personId)) return refused('not-found');
      return sql.begin(async (tx) => {
        const [person] = await tx`select roles, deactivated_at from people where id = ${personId} for update`;
        if (!person) return refused('not-found');
        const wasAdmin = (person.roles as Role[]).includes('admin');
        if (
          wasAdmin &&
          !roles.includes('admin') &&
          !person.deactivated_at &&
          (await otherActiveAdmins(tx, personId)) === 0
        )
          return refused('last-admin');
        await tx`update people set roles = ${roles} where id = ${personId}`;
        await audit(tx, actorId, 'person.roles_changed', personId, { from: person.roles, to: roles });
        return done;
      });
    },

    async moveTeam(actorId: string, personId: string, teamId: string | null): Promise<PeopleAdminResult> {
      if (!isUuid(personId)) return refused('not-found');
      if (teamId !== null && !isUuid(teamId)) return refused('team-not-found');
      return sql.begin(async (tx) => {
        if (teamId !== null && !(await tx`select 1 from teams where id = ${teamId}`).length)
          return refused('team-not-found');
        const [before] = await tx`select team_id from people where id = ${personId} for update`;
        if (!before) return refused('not-found');
        await tx`update people set team_id = ${teamId} where id = ${personId}`;
        await audit(tx, actorId, 'person.team_changed', personId, { from: before.team_id, to: teamId });
        return done;
      });
    },

    async createTeam(
      actorId: string,
      name: string,
    ): Promise<{ ok: true; id: string } | { ok: false; reason: 'team-taken' }> {
      if ((await sql`select 1 from teams where lower(name) = lower(${name})`).length)
        return { ok: false, reason: 'team-taken' };
      // Two names can share a slug ("Sales" and "Sales!"): number the later one.
      const taken = new Set(
        (await sql`select slug from teams where slug like ${`${teamSlug(name)}%`}`).map(
          (r) => r.slug as string,
        ),
      );
      let slug = teamSlug(name);
      for (let n = 2; taken.has(slug); n++) slug = `${teamSlug(name)}-${n}`;
      const [team] = await sql`
        insert into teams (name, slug) values (${name}, ${slug}) on conflict (slug) do nothing returning id`;
      if (!team) return { ok: false, reason: 'team-taken' };
      await sql`insert into audit_events (actor_id, action, subject_type, subject_id, details)
        values (${actorId}, 'team.created', 'team', ${team.id as string}, ${sql.json({ name })})`;
      return { ok: true, id: team.id as string };
    },

    /**
     * The person can no longer sign in: their sessions end, their API tokens and unused password
     * links are revoked. Their insights, reactions and actions stay, under their name.
     */
    async deactivate(actorId: string, personId: string): Promise<PeopleAdminResult> {
      if (!isUuid(personId)) return refused('not-found');
      if (personId === actorId) return refused('self');
      return sql.begin(async (tx) => {
        const [person] = await tx`select roles, deactivated_at from people where id = ${personId} for update`;
        if (!person) return refused('not-found');
        if (person.deactivated_at) return done;
        if ((person.roles as Role[]).includes('admin') && (await otherActiveAdmins(tx, personId)) === 0)
          return refused('last-admin');
        await tx`update people set deactivated_at = now(), deactivated_by = ${actorId} where id = ${personId}`;
        await tx`delete from sessions where person_id = ${personId}`;
        const tokens = await tx`
          update api_tokens set revoked_at = now() where person_id = ${personId} and revoked_at is null returning id`;
        await tx`delete from account_links where person_id = ${personId} and used_at is null`;
        await audit(tx, actorId, 'person.deactivated', personId, { apiTokensRevoked: tokens.length });
        return done;
      });
    },

    /** Lets the person sign in again; revoked API tokens stay revoked. */
    async reactivate(actorId: string, personId: string): Promise<PeopleAdminResult> {
      if (!isUuid(personId)) return refused('not-found');
      const rows = await sql`
        update people set deactivated_at = null, deactivated_by = null
        where id = ${personId} and deactivated_at is not null returning id`;
      if (rows.length === 0) {
        const exists = await sql`select 1 from people where id = ${personId}`;
        return exists.length ? done : refused('not-found');
      }
      await audit(sql, actorId, 'person.reactivated', personId);
      return done;
    },
  };
}

export type PeopleAdmin = ReturnType<typeof createPeopleAdmin>;
