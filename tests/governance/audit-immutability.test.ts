import { createRepositories } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import { describe, expect, it } from 'vitest';

const db = useTestDatabase();

async function anEvent() {
  const sql = db.sql();
  await createRepositories(sql).audit.record({
    actorId: null,
    action: 'test.recorded',
    subject: { type: 'test', id: 'one' },
    details: { n: 1 },
    at: new Date('2026-02-01T10:00:00Z'),
  });
  const [row] =
    await sql`select id from audit_events where action = 'test.recorded' order by id desc limit 1`;
  return row!.id as string;
}

describe('the audit log is append-only in the database', () => {
  it('refuses UPDATE, even from the owner of the table', async () => {
    const id = await anEvent();
    await expect(db.sql()`update audit_events set action = 'rewritten' where id = ${id}`).rejects.toThrow(
      /append-only: UPDATE is not allowed/,
    );
    const [row] = await db.sql()`select action from audit_events where id = ${id}`;
    expect(row!.action).toBe('test.recorded');
  });

  it('refuses DELETE and TRUNCATE', async () => {
    const id = await anEvent();
    await expect(db.sql()`delete from audit_events where id = ${id}`).rejects.toThrow(
      /DELETE is not allowed/,
    );
    await expect(db.sql()`truncate audit_events`).rejects.toThrow(/TRUNCATE is not allowed/);
    expect(await db.sql()`select 1 from audit_events where id = ${id}`).toHaveLength(1);
  });

  it('the application role may read and append but has no UPDATE, DELETE or TRUNCATE privilege', async () => {
    const [grants] = await db.sql()`
      select has_table_privilege('heard_app', 'audit_events', 'INSERT') as can_insert,
             has_table_privilege('heard_app', 'audit_events', 'SELECT') as can_select,
             has_table_privilege('heard_app', 'audit_events', 'UPDATE') as can_update,
             has_table_privilege('heard_app', 'audit_events', 'DELETE') as can_delete,
             has_table_privilege('heard_app', 'audit_events', 'TRUNCATE') as can_truncate,
             has_table_privilege('heard_app', 'insights', 'UPDATE') as can_update_insights`;
    expect(grants).toEqual({
      can_insert: true,
      can_select: true,
      can_update: false,
      can_delete: false,
      can_truncate: false,
      can_update_insights: true,
    });
  });

  it('acting as the application role, a DELETE is refused by the privilege system itself', async () => {
    const id = await anEvent();
    const sql = db.sql();
    await expect(
      sql.begin(async (tx) => {
        await tx`set local role heard_app`;
        await tx`insert into audit_events (action, subject_type, subject_id) values ('as.app', 'test', 'two')`;
        await tx`delete from audit_events where id = ${id}`;
      }),
    ).rejects.toThrow(/permission denied for table audit_events/);
  });

  it('still accepts new events, as the application role too', async () => {
    const sql = db.sql();
    await sql.begin(async (tx) => {
      await tx`set local role heard_app`;
      await tx`insert into audit_events (action, subject_type, subject_id) values ('as.app', 'test', 'three')`;
    });
    expect(await sql`select 1 from audit_events where subject_id = 'three'`).toHaveLength(1);
  });
});
