import { commentOnInsight, mergeInsights, undoMerge } from '@heard/domain';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../repositories';
import { buildCustomer, buildGoal, buildInsight, buildPerson, queuedJobs, useTestDatabase } from '../testing';

const db = useTestDatabase();

/** Everything a merge may touch, in a stable order, to compare before and after. */
async function everything(insightIds: string[]) {
  const sql = db.sql();
  return {
    insights: await sql`select id, evidence_count, reaction_count, customer_value, merged_into from insights
                        where id = any(${insightIds}::uuid[]) order by id`,
    evidence: await sql`select id, insight_id, customer_id from evidence order by id`,
    reactions: await sql`select insight_id, person_id, emoji, created_at from reactions order by 1, 2, 3`,
    goals:
      await sql`select insight_id, goal_id, rationale, linked_by, linked_at from insight_goals order by 1, 2`,
    customers: await sql`select insight_id, customer_id from insight_customers order by 1, 2`,
    comments: await sql`select id, insight_id, body from insight_comments order by id`,
  };
}

describe('merging duplicate insights on PostgreSQL', () => {
  it('moves evidence, reactions once per person, goals, customers and comments, and undoes it exactly', async () => {
    const sql = db.sql();
    const deps = createDeps(sql);
    const curator = await buildPerson(sql, { roles: ['curator'] });
    const [alice, bob] = [await buildPerson(sql), await buildPerson(sql)];
    const [acme, globex, initech] = [
      await buildCustomer(sql, { value: 1000 }),
      await buildCustomer(sql, { value: 500 }),
      await buildCustomer(sql, { value: 250 }),
    ];
    const [g1, g2] = [await buildGoal(sql), await buildGoal(sql)];
    const at = new Date('2026-01-10T10:00:00.123Z');
    const duplicate = await buildInsight(sql, {
      reporterId: alice.id,
      customerIds: [acme.id, globex.id],
      goals: [
        { goalId: g1.id, rationale: 'dup reason', linkedBy: curator.id, linkedAt: at },
        { goalId: g2.id, rationale: null, linkedBy: curator.id, linkedAt: at },
      ],
    });
    const survivor = await buildInsight(sql, {
      reporterId: bob.id,
      customerIds: [acme.id],
      goals: [{ goalId: g1.id, rationale: 'kept reason', linkedBy: curator.id, linkedAt: at }],
    });
    for (const [insightId, personId] of [
      [duplicate.id, alice.id],
      [duplicate.id, bob.id],
      [survivor.id, bob.id],
    ]) {
      await deps.insights.addReaction({
        insightId: insightId!,
        personId: personId!,
        emoji: 'me-too',
        createdAt: at,
      });
    }
    await deps.insights.addEvidence({
      insightId: duplicate.id,
      customerId: initech.id,
      addedBy: bob.id,
      note: null,
      createdAt: at,
    });
    await commentOnInsight(deps, { actor: bob, insightId: duplicate.id, body: 'Initech too' });
    const ids = [duplicate.id, survivor.id];
    const before = await everything(ids);

    const merge = await mergeInsights(deps, {
      actor: curator,
      duplicateId: duplicate.id,
      survivorId: survivor.id,
    });
    const after = await everything(ids);
    const row = (id: string) => after.insights.find((i) => i.id === id)!;
    expect(row(survivor.id)).toMatchObject({
      evidence_count: 1,
      reaction_count: 2,
      customer_value: '1500.00',
      merged_into: null,
    });
    expect(row(duplicate.id)).toMatchObject({
      evidence_count: 0,
      reaction_count: 0,
      customer_value: '0.00',
      merged_into: survivor.id,
    });
    expect(after.evidence.map((e) => e.insight_id)).toEqual([survivor.id]);
    expect(after.comments.map((c) => c.insight_id)).toEqual([survivor.id]);
    expect(after.reactions.map((r) => [r.insight_id, r.person_id]).sort()).toEqual(
      [
        [survivor.id, alice.id],
        [survivor.id, bob.id],
      ].sort(),
    );
    expect(after.goals.map((g) => [g.insight_id, g.goal_id, g.rationale]).sort()).toEqual(
      [
        [survivor.id, g1.id, 'kept reason'],
        [survivor.id, g2.id, null],
      ].sort(),
    );
    expect(after.customers.filter((c) => c.insight_id === duplicate.id)).toEqual([]);
    const jobs = (await queuedJobs(sql)).map((j) => j.payload);
    expect(jobs).toEqual(
      expect.arrayContaining([
        { type: 'insight.edited', insightId: duplicate.id },
        { type: 'insight.edited', insightId: survivor.id },
      ]),
    );
    expect(await deps.merges.listActiveBySurvivor(survivor.id)).toEqual([merge]);

    await undoMerge(deps, { actor: curator, mergeId: merge.id });
    expect(await everything(ids)).toEqual(before);
    expect(await deps.merges.findActiveByDuplicate(duplicate.id)).toBeNull();
    expect(await deps.merges.findById(merge.id)).toMatchObject({ undoneBy: curator.id });
    const history = await deps.insightHistory.listForInsight(duplicate.id);
    expect(history.map((h) => h.action)).toEqual([
      'insight.commented',
      'insight.merged_into',
      'insight.merge_undone',
    ]);
  });

  it('allows one merge in force per duplicate', async () => {
    const sql = db.sql();
    const curator = await buildPerson(sql, { roles: ['curator'] });
    const [a, b, c] = [await buildInsight(sql), await buildInsight(sql), await buildInsight(sql)];
    const deps = createDeps(sql);
    await deps.merges.merge({ duplicateId: a.id, survivorId: b.id, mergedBy: curator.id, at: new Date() });
    await expect(
      deps.merges.merge({ duplicateId: a.id, survivorId: c.id, mergedBy: curator.id, at: new Date() }),
    ).rejects.toThrow(/insight_merges_active_duplicate/);
  });
});

describe('saved views and comments on PostgreSQL', () => {
  it('keeps names unique per person whatever their case, and deletes only the owner’s', async () => {
    const sql = db.sql();
    const deps = createDeps(sql);
    const [ann, ben] = [await buildPerson(sql), await buildPerson(sql)];
    const view = await deps.savedViews.add({
      personId: ann.id,
      name: 'SMB pains',
      query: 'kind=pain',
      createdAt: new Date(),
    });
    await expect(
      deps.savedViews.add({ personId: ann.id, name: 'smb PAINS', query: '', createdAt: new Date() }),
    ).rejects.toThrow(/saved_views_name/);
    await deps.savedViews.add({ personId: ben.id, name: 'SMB pains', query: '', createdAt: new Date() });
    expect(await deps.savedViews.remove(view.id, ben.id)).toBe(false);
    expect(await deps.savedViews.remove('not-a-uuid', ann.id)).toBe(false);
    expect(await deps.savedViews.remove(view.id, ann.id)).toBe(true);
    expect(await deps.savedViews.listByPerson(ann.id)).toEqual([]);
  });

  it('lists comments oldest first and nothing for a malformed id', async () => {
    const sql = db.sql();
    const deps = createDeps(sql);
    const author = await buildPerson(sql);
    const insight = await buildInsight(sql);
    await deps.comments.add({
      insightId: insight.id,
      authorId: author.id,
      body: 'second',
      createdAt: new Date('2026-01-02'),
    });
    await deps.comments.add({
      insightId: insight.id,
      authorId: author.id,
      body: 'first',
      createdAt: new Date('2026-01-01'),
    });
    expect((await deps.comments.listByInsight(insight.id)).map((c) => c.body)).toEqual(['first', 'second']);
    expect(await deps.comments.listByInsight('nope')).toEqual([]);
  });
});
