import { describe, expect, it } from 'vitest';
import { buildPerson, useTestDatabase } from '../testing';
import { createApiTokenStore } from './api-token-store';

const db = useTestDatabase();

describe('API token store', () => {
  it('returns the secret once, and stores only its digest and its first characters', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql);
    const { token, secret } = await createApiTokenStore(sql).create(person.id, 'CRM sync');
    expect(secret).toMatch(/^heard_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'CRM sync', prefix: secret.slice(0, 12), lastUsedAt: null });
    const [row] = await sql`select * from api_tokens where id = ${token.id}`;
    expect(row?.person_id).toBe(person.id);
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
  });

  it('tells whose a secret is, and nobody for an unknown, malformed or empty one', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql);
    const tokens = createApiTokenStore(sql);
    const { secret } = await tokens.create(person.id, 'Zapier');
    expect(await tokens.personForToken(secret)).toEqual(person);
    expect(await tokens.personForToken(`${secret}x`)).toBeNull();
    expect(await tokens.personForToken('heard_not-a-token')).toBeNull();
    expect(await tokens.personForToken(secret.slice(6))).toBeNull();
    expect(await tokens.personForToken('')).toBeNull();
  });

  it('marks a token used when it is used, and lists it with that time', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql);
    const tokens = createApiTokenStore(sql);
    const { token, secret } = await tokens.create(person.id, 'Support desk');
    const before = Date.now();
    await tokens.personForToken(secret);
    const [listed] = await tokens.list(person.id);
    expect(listed?.id).toBe(token.id);
    expect(listed?.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lists a person’s working tokens newest first, and nobody else’s', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql);
    const other = await buildPerson(sql);
    const tokens = createApiTokenStore(sql);
    const first = await tokens.create(person.id, 'First');
    const second = await tokens.create(person.id, 'Second');
    await tokens.create(other.id, 'Not mine');
    await sql`update api_tokens set created_at = now() - interval '1 hour' where id = ${first.token.id}`;
    expect((await tokens.list(person.id)).map((t) => t.name)).toEqual(['Second', 'First']);
    await tokens.revoke(person.id, second.token.id);
    expect((await tokens.list(person.id)).map((t) => t.name)).toEqual(['First']);
  });

  it('revokes only the person’s own token, which then stops working, and audits it', async () => {
    const sql = db.sql();
    const owner = await buildPerson(sql);
    const stranger = await buildPerson(sql);
    const tokens = createApiTokenStore(sql);
    const { token, secret } = await tokens.create(owner.id, 'Reporting');
    expect(await tokens.revoke(stranger.id, token.id)).toBe(false);
    expect((await tokens.personForToken(secret))?.id).toBe(owner.id);
    expect(await tokens.revoke(owner.id, token.id)).toBe(true);
    expect(await tokens.personForToken(secret)).toBeNull();
    expect(await tokens.revoke(owner.id, token.id)).toBe(false);
    expect(await tokens.revoke(owner.id, 'not-an-id')).toBe(false);
    const audit =
      await sql`select action, actor_id from audit_events where subject_id = ${token.id} order by id`;
    expect(audit).toEqual([
      { action: 'api_token.created', actor_id: owner.id },
      { action: 'api_token.revoked', actor_id: owner.id },
    ]);
  });

  it('ends the tokens of a person who is deleted', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql);
    const tokens = createApiTokenStore(sql);
    const { secret } = await tokens.create(person.id, 'Gone');
    await sql`delete from people where id = ${person.id}`;
    expect(await tokens.personForToken(secret)).toBeNull();
  });
});
