import { describe, expect, it } from 'vitest';
import { buildPerson, useTestDatabase } from '../testing';
import { createSessionStore } from './session-store';

const db = useTestDatabase();
const PASSWORD = 'correct horse battery staple';

describe('session store', () => {
  it('opens a session for the right password, valid for about 30 days', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { email: 'sam.carter@example.com', password: PASSWORD });
    const before = Date.now();
    const session = await createSessionStore(sql).signIn('sam.carter@example.com', PASSWORD);
    expect(session?.person).toEqual(person);
    expect(session?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (session!.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30.01);
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { email: 'priya.raman@example.com', password: PASSWORD });
    const session = await createSessionStore(sql).signIn('  Priya.Raman@EXAMPLE.com ', PASSWORD);
    expect(session?.person.id).toBe(person.id);
  });

  it('refuses a wrong password, an unknown email and a person without a password alike', async () => {
    const sql = db.sql();
    await buildPerson(sql, { email: 'chloe@example.com', password: PASSWORD });
    await buildPerson(sql, { email: 'no-password@example.com' });
    const sessions = createSessionStore(sql);
    expect(await sessions.signIn('chloe@example.com', 'wrong')).toBeNull();
    expect(await sessions.signIn('chloe@example.com', '')).toBeNull();
    expect(await sessions.signIn('nobody@example.com', PASSWORD)).toBeNull();
    expect(await sessions.signIn('no-password@example.com', '')).toBeNull();
    const [row] = await sql`select count(*)::int as n from sessions s join people p on p.id = s.person_id
                            where p.email in ('chloe@example.com', 'no-password@example.com')`;
    expect(row?.n).toBe(0);
  });

  it('stores only a digest of the token, and audits the sign-in', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: PASSWORD });
    const session = await createSessionStore(sql).signIn(person.email, PASSWORD);
    const rows = await sql`select id from sessions where person_id = ${person.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(session?.token);
    const audit =
      await sql`select actor_id, subject_type, subject_id from audit_events where action = 'person.signed_in'
                            and actor_id = ${person.id}`;
    expect(audit).toEqual([{ actor_id: person.id, subject_type: 'person', subject_id: person.id }]);
  });

  it('tells whose a token is, and nobody for an unknown one', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: PASSWORD });
    const sessions = createSessionStore(sql);
    const session = await sessions.signIn(person.email, PASSWORD);
    expect(await sessions.personForToken(session!.token)).toEqual(person);
    expect(await sessions.personForToken('not-a-token')).toBeNull();
    expect(await sessions.personForToken('')).toBeNull();
  });

  it('does not accept an expired session', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: PASSWORD });
    const sessions = createSessionStore(sql);
    const session = await sessions.signIn(person.email, PASSWORD);
    await sql`update sessions set expires_at = now() - interval '1 second' where person_id = ${person.id}`;
    expect(await sessions.personForToken(session!.token)).toBeNull();
  });

  it('signs out one session and leaves the person’s other sessions open', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: PASSWORD });
    const sessions = createSessionStore(sql);
    const laptop = await sessions.signIn(person.email, PASSWORD);
    const phone = await sessions.signIn(person.email, PASSWORD);
    expect(laptop!.token).not.toBe(phone!.token);
    await sessions.signOut(laptop!.token);
    expect(await sessions.personForToken(laptop!.token)).toBeNull();
    expect((await sessions.personForToken(phone!.token))?.id).toBe(person.id);
    await expect(sessions.signOut(laptop!.token)).resolves.toBeUndefined();
  });

  it('signs a person out everywhere without touching anyone else', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: PASSWORD });
    const other = await buildPerson(sql, { password: PASSWORD });
    const sessions = createSessionStore(sql);
    const tokens = [
      await sessions.signIn(person.email, PASSWORD),
      await sessions.signIn(person.email, PASSWORD),
    ];
    const theirs = await sessions.signIn(other.email, PASSWORD);
    await sessions.signOutEverywhere(person.id);
    for (const session of tokens) expect(await sessions.personForToken(session!.token)).toBeNull();
    expect((await sessions.personForToken(theirs!.token))?.id).toBe(other.id);
  });

  it('ends the sessions of a person who is deleted', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: PASSWORD });
    const sessions = createSessionStore(sql);
    const session = await sessions.signIn(person.email, PASSWORD);
    await sql`delete from people where id = ${person.id}`;
    expect(await sessions.personForToken(session!.token)).toBeNull();
  });
});
