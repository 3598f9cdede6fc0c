import { createHash, randomBytes } from 'node:crypto';
import type { Person } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';
import { personToDomain } from '../repositories/person.repository';

/** Every secret starts with this, so secret scanners and people recognise a Heard token. */
export const API_TOKEN_PREFIX = 'heard_';

// Enough of the secret to tell one's tokens apart, far too little to guess the rest (32 random bytes).
const SHOWN_CHARS = API_TOKEN_PREFIX.length + 6;

// Only a digest is stored, so a leaked api_tokens table cannot be replayed against the API.
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** A token as its owner sees it in their settings: never the secret. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, shown so a person can tell which token is which. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const toApiToken = (row: Row): ApiToken => ({
  id: row.id as string,
  name: row.name as string,
  prefix: row.prefix as string,
  createdAt: asDate(row.created_at),
  lastUsedAt: row.last_used_at ? asDate(row.last_used_at) : null,
});

/** API tokens a person creates and revokes in their settings; a token acts as that person. */
export function createApiTokenStore(db: Db) {
  return {
    /** Creates a token; the secret is returned here once and can never be read back. */
    async create(personId: string, name: string): Promise<{ token: ApiToken; secret: string }> {
      const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      // One statement, so the token and its audit record are written together or not at all.
      const [row] = await db`
        with created as (
          insert into api_tokens (person_id, name, token_hash, prefix)
          values (${personId}, ${name}, ${digest(secret)}, ${secret.slice(0, SHOWN_CHARS)})
          returning *
        ), audited as (
          insert into audit_events (actor_id, action, subject_type, subject_id, details)
          select person_id, 'api_token.created', 'api_token', id::text, ${db.json({ name } as never)} from created
        )
        select * from created`;
      return { token: toApiToken(row!), secret };
    },
    /** The person's tokens that still work, newest first. */
    async list(personId: string): Promise<ApiToken[]> {
      const rows = await db`
        select * from api_tokens where person_id = ${personId} and revoked_at is null
        order by created_at desc, id`;
      return rows.map(toApiToken);
    },
    /** Revokes one of the person's own tokens; false when it is not theirs, unknown or already revoked. */
    async revoke(personId: string, tokenId: string): Promise<boolean> {
      if (!isUuid(tokenId)) return false;
      const rows = await db`
        with revoked as (
          update api_tokens set revoked_at = now()
          where id = ${tokenId} and person_id = ${personId} and revoked_at is null
          returning id, person_id
        ), audited as (
          insert into audit_events (actor_id, action, subject_type, subject_id)
          select person_id, 'api_token.revoked', 'api_token', id::text from revoked
        )
        select id from revoked`;
      return rows.length > 0;
    },
    /**
     * The person a secret acts as, while the token is not revoked. Marks it used, at most once a
     * minute, so busy integrations do not turn every call into a write on the same row.
     */
    async personForToken(secret: string): Promise<Person | null> {
      if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
      const [row] = await db`
        with hit as (
          select id, person_id, last_used_at from api_tokens
          where token_hash = ${digest(secret)} and revoked_at is null
        ), touched as (
          update api_tokens t set last_used_at = now() from hit
          where t.id = hit.id and (hit.last_used_at is null or hit.last_used_at < now() - interval '1 minute')
        )
        select p.* from hit join people p on p.id = hit.person_id where p.deactivated_at is null`;
      return row ? personToDomain(row) : null;
    },
  };
}

export type ApiTokenStore = ReturnType<typeof createApiTokenStore>;
