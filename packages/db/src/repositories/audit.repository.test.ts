import { describe, expect, it } from 'vitest';
import { buildPerson, useTestDatabase } from '../testing';
import { createAuditLog } from './audit.repository';
import { createDeps } from './index';

const db = useTestDatabase();

describe('audit log', () => {
  it('records who did what to which subject, when, with details', async () => {
    const sql = db.sql();
    const actor = await buildPerson(sql);
    const at = new Date('2026-01-15T09:00:00.123Z');
    await createAuditLog(sql).record({
      actorId: actor.id,
      action: 'insight.exported',
      subject: { type: 'insight', id: 'c0ffee00-0000-4000-8000-000000000001' },
      details: { format: 'csv', rows: 12, filters: { tag: 'billing' }, note: 'it\'s "quoted"' },
      at,
    });
    const rows = await sql`select actor_id, action, subject_type, subject_id, details, at
                           from audit_events where action = 'insight.exported'`;
    expect(rows).toEqual([
      {
        actor_id: actor.id,
        action: 'insight.exported',
        subject_type: 'insight',
        subject_id: 'c0ffee00-0000-4000-8000-000000000001',
        details: { format: 'csv', rows: 12, filters: { tag: 'billing' }, note: 'it\'s "quoted"' },
        at,
      },
    ]);
  });

  it('records what the system did on its own, without an actor and without details', async () => {
    const sql = db.sql();
    await createAuditLog(sql).record({
      actorId: null,
      action: 'retention.purged',
      subject: { type: 'organisation', id: 'demo' },
      details: {},
      at: new Date(),
    });
    const [row] = await sql`select actor_id, details from audit_events where action = 'retention.purged'`;
    expect(row).toEqual({ actor_id: null, details: {} });
  });

  it('keeps events in the order they happened, with increasing ids', async () => {
    const sql = db.sql();
    const audit = createAuditLog(sql);
    for (const n of [1, 2, 3]) {
      await audit.record({
        actorId: null,
        action: `ordered.${n}`,
        subject: { type: 't', id: `${n}` },
        details: {},
        at: new Date(),
      });
    }
    const rows = await sql`select id, action from audit_events where action like 'ordered.%' order by id`;
    expect(rows.map((r) => r.action)).toEqual(['ordered.1', 'ordered.2', 'ordered.3']);
  });

  it('records nothing when the transaction it belongs to rolls back', async () => {
    const sql = db.sql();
    const deps = createDeps(sql);
    const attempt = deps.transaction(async (tx) => {
      await tx.audit.record({
        actorId: null,
        action: 'rolled.back',
        subject: { type: 't', id: '1' },
        details: {},
        at: new Date(),
      });
      throw new Error('the write after the audit failed');
    });
    await expect(attempt).rejects.toThrow('the write after the audit failed');
    expect(await sql`select 1 from audit_events where action = 'rolled.back'`).toHaveLength(0);
  });
});
