import type { Person, PersonRepository, Team, TeamRepository } from '@heard/domain';
import { asDate, type Db, isUuid, onlyUuids, type Row } from './db';

export function personToDomain(row: Row): Person {
  return {
    id: row.id as string,
    email: row.email as string,
    name: row.name as string,
    teamId: (row.team_id as string | null) ?? null,
    roles: row.roles as Person['roles'],
    chat: {
      slackUserId: (row.slack_user_id as string | null) ?? null,
      teamsAadObjectId: (row.teams_aad_object_id as string | null) ?? null,
    },
    createdAt: asDate(row.created_at),
  };
}

const columns = 'id, email, name, team_id, roles, slack_user_id, teams_aad_object_id, created_at';

/** People of the organisation, on PostgreSQL. */
export function createPersonRepository(db: Db): PersonRepository {
  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const rows = await db.unsafe(`select ${columns} from people where id = $1`, [id]);
      return rows[0] ? personToDomain(rows[0]) : null;
    },
    async findByEmail(email) {
      const rows = await db.unsafe(`select ${columns} from people where email = $1`, [email]);
      return rows[0] ? personToDomain(rows[0]) : null;
    },
    async findByIds(ids) {
      const valid = onlyUuids(ids);
      if (valid.length === 0) return [];
      const rows = await db.unsafe(`select ${columns} from people where id = any($1::uuid[])`, [valid]);
      return rows.map(personToDomain);
    },
    async list() {
      const rows = await db.unsafe(`select ${columns} from people order by name`);
      return rows.map(personToDomain);
    },
  };
}

const teamToDomain = (row: Row): Team => ({
  id: row.id as string,
  name: row.name as string,
  slug: row.slug as string,
});

/** Teams (departments, silos), on PostgreSQL. */
export function createTeamRepository(db: Db): TeamRepository {
  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`select id, name, slug from teams where id = ${id}`;
      return row ? teamToDomain(row) : null;
    },
    async list() {
      const rows = await db`select id, name, slug from teams order by name`;
      return rows.map(teamToDomain);
    },
  };
}
