import { describe, expect, it } from 'vitest';
import { buildPerson, buildTeam, useTestDatabase } from '../testing';
import { createPersonRepository, createTeamRepository } from './person.repository';

const db = useTestDatabase();

describe('person repository', () => {
  it('finds a person by id with their team, roles and chat identities', async () => {
    const sql = db.sql();
    const team = await buildTeam(sql, { name: 'Support' });
    const built = await buildPerson(sql, {
      name: 'Sam Carter',
      teamId: team.id,
      roles: ['frontline', 'curator'],
      chat: { slackUserId: 'U123', teamsAadObjectId: 'aad-1' },
    });
    const found = await createPersonRepository(sql).findById(built.id);
    expect(found).toEqual({
      id: built.id,
      email: built.email,
      name: 'Sam Carter',
      teamId: team.id,
      roles: ['frontline', 'curator'],
      chat: { slackUserId: 'U123', teamsAadObjectId: 'aad-1' },
      createdAt: expect.any(Date),
    });
  });

  it('finds a person by email whatever its case', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { email: 'Priya.Raman@Example.com' });
    const people = createPersonRepository(sql);
    expect((await people.findByEmail('priya.raman@example.com'))?.id).toBe(person.id);
    expect((await people.findByEmail('PRIYA.RAMAN@EXAMPLE.COM'))?.id).toBe(person.id);
    expect(await people.findByEmail('nobody@example.com')).toBeNull();
  });

  it('finds several people by id, skipping unknown and malformed ids', async () => {
    const sql = db.sql();
    const a = await buildPerson(sql);
    const b = await buildPerson(sql);
    const found = await createPersonRepository(sql).findByIds([
      a.id,
      b.id,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
    ]);
    expect(found.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await createPersonRepository(sql).findByIds([])).toEqual([]);
  });

  it('answers null for an unknown or malformed id instead of throwing', async () => {
    const people = createPersonRepository(db.sql());
    expect(await people.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await people.findById('not-a-uuid')).toBeNull();
    expect(await people.findById("'; drop table people; --")).toBeNull();
  });

  it('lists everyone ordered by name', async () => {
    const sql = db.sql();
    await buildPerson(sql, { name: 'Zoe Zimmermann' });
    await buildPerson(sql, { name: 'Aisha Andersen' });
    const names = (await createPersonRepository(sql).list()).map((p) => p.name);
    expect(names).toContain('Zoe Zimmermann');
    expect(names).toContain('Aisha Andersen');
    expect(names.indexOf('Aisha Andersen')).toBeLessThan(names.indexOf('Zoe Zimmermann'));
  });

  it('never exposes the password hash', async () => {
    const sql = db.sql();
    const person = await buildPerson(sql, { password: 'correct horse' });
    const found = await createPersonRepository(sql).findById(person.id);
    expect(Object.keys(found!)).not.toContain('passwordHash');
    expect(JSON.stringify(found)).not.toContain('argon2');
  });
});

describe('team repository', () => {
  it('finds a team by id, and null for an unknown or malformed one', async () => {
    const sql = db.sql();
    const team = await buildTeam(sql, { name: 'Billing', slug: 'billing' });
    const teams = createTeamRepository(sql);
    expect(await teams.findById(team.id)).toEqual({ id: team.id, name: 'Billing', slug: 'billing' });
    expect(await teams.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await teams.findById('billing')).toBeNull();
  });

  it('lists teams ordered by name', async () => {
    const sql = db.sql();
    await buildTeam(sql, { name: 'Sales', slug: 'sales' });
    await buildTeam(sql, { name: 'Product', slug: 'product' });
    const names = (await createTeamRepository(sql).list()).map((t) => t.name);
    expect(names.indexOf('Product')).toBeLessThan(names.indexOf('Sales'));
  });
});
