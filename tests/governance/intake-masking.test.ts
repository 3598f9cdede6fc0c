import { createDeps, revealOriginals, savePiiPolicy } from '@heard/db';
import { buildPerson, useTestDatabase } from '@heard/db/testing';
import { completePiiPolicy, editInsight, isValidationError, postInsight } from '@heard/domain';
import { describe, expect, it } from 'vitest';

const db = useTestDatabase();

const TEXT =
  'Anna (anna.lindqvist@example.com, +44 20 7946 0958) read out her card 4111 1111 1111 1111 and was charged twice.';

describe('personal data at intake', () => {
  it('is masked in the stored text, with findings and only the originals the policy keeps', async () => {
    const sql = db.sql();
    const actor = await buildPerson(sql);
    const result = await postInsight(createDeps(sql), {
      actor,
      body: TEXT,
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'slack', externalId: 'm-1' },
    });
    const [row] = await sql`select title, body from insights where id = ${result.insight.id}`;
    expect(row!.body).toBe(
      'Anna ([email address hidden], [phone number hidden]) read out her card [card ending 1111] and was charged twice.',
    );
    expect(row!.title).not.toContain('anna.lindqvist');
    expect(result.privacy?.map((n) => [n.kind, n.action])).toEqual([
      ['email', 'masked'],
      ['phone', 'masked'],
      ['card', 'masked'],
    ]);
    const originals = await sql`
      select f.kind, o.original from pii_originals o join pii_findings f on f.id = o.finding_id
      where f.insight_id = ${result.insight.id} order by f.id`;
    // Card numbers are never kept, not even aside.
    expect(originals).toEqual([
      { kind: 'email', original: 'anna.lindqvist@example.com' },
      { kind: 'phone', original: '+44 20 7946 0958' },
    ]);
    const [audit] =
      await sql`select details from audit_events where action = 'insight.pii_guarded' and subject_id = ${result.insight.id}`;
    expect(audit!.details).toEqual({ 'masked.email': 1, 'masked.phone': 1, 'masked.card': 1 });
    expect(JSON.stringify(audit)).not.toContain('anna.lindqvist');
  });

  it('reveals originals to the caller and records that read in the audit log', async () => {
    const sql = db.sql();
    const actor = await buildPerson(sql);
    const admin = await buildPerson(sql, { roles: ['admin'] });
    const { insight } = await postInsight(createDeps(sql), {
      actor,
      body: 'Write to kim@example.net',
      kind: 'request',
      sentiment: 'neutral',
      source: { kind: 'web' },
    });
    const revealed = await revealOriginals(sql, insight.id, admin.id, new Date());
    expect(revealed.map((r) => r.original)).toEqual(['kim@example.net']);
    expect(
      await sql`select 1 from audit_events where action = 'insight.pii_revealed' and actor_id = ${admin.id}`,
    ).toHaveLength(1);
  });

  it('follows the policy an admin sets: keep and flag, or reject with a message saying what to remove', async () => {
    const sql = db.sql();
    const admin = await buildPerson(sql, { roles: ['admin'] });
    await savePiiPolicy(
      sql,
      completePiiPolicy({ address: { action: 'flag' }, card: { action: 'reject' } }),
      admin.id,
      new Date(),
    );
    const actor = await buildPerson(sql);
    const deps = createDeps(sql);
    const flagged = await postInsight(deps, {
      actor,
      body: 'The parcel for 221B Baker Street never arrived.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
    });
    expect(flagged.insight.body).toContain('221B Baker Street');
    expect(flagged.privacy).toMatchObject([{ kind: 'address', action: 'flagged' }]);

    const before = await sql`select count(*)::int as n from insights`;
    const refused = await postInsight(deps, {
      actor,
      body: 'Card 4111 1111 1111 1111 declined',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
    }).catch((e: unknown) => e);
    expect(isValidationError(refused)).toBe(true);
    expect((refused as { issues: unknown[] }).issues).toEqual([
      {
        field: 'body',
        code: 'INSIGHT.PII.REJECTED',
        message: expect.stringContaining('Remove the payment card number'),
      },
    ]);
    expect(await sql`select count(*)::int as n from insights`).toEqual(before);
    expect(await sql`select 1 from audit_events where action = 'privacy.policy_changed'`).toHaveLength(1);
    await savePiiPolicy(sql, completePiiPolicy({}), admin.id, new Date());
  });

  it('masks what an edit adds', async () => {
    const sql = db.sql();
    const actor = await buildPerson(sql);
    const deps = createDeps(sql);
    const { insight } = await postInsight(deps, {
      actor,
      body: 'They want a call back.',
      kind: 'request',
      sentiment: 'neutral',
      source: { kind: 'web' },
    });
    const edited = await editInsight(deps, {
      actor,
      insightId: insight.id,
      body: 'They want a call back on (415) 555-0132.',
    });
    expect(edited.body).toBe('They want a call back on [phone number hidden].');
    expect((await deps.privacy!.findingsFor(insight.id)).map((f) => f.kind)).toEqual(['phone']);
  });
});
