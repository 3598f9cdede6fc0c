import { beforeEach, describe, expect, it } from 'vitest';
import { buildCustomer, buildGoal, buildInsight, clone, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { addEvidence } from './add-evidence';
import { commentOnInsight } from './comment-on-insight';
import { mergeInsights } from './merge-insights';
import { reactToInsight } from './react-to-insight';
import { undoMerge } from './undo-merge';

let w: World;
let duplicate: Insight;
let survivor: Insight;
const globex = buildCustomer({ name: 'Globex' });
const initech = buildCustomer({ name: 'Initech' });
const second = buildGoal({ title: 'Faster onboarding' });

beforeEach(async () => {
  w = createWorld({ customers: [globex, initech] });
  w.seed({ goals: [{ ...second, ownerId: w.people.owner.id, createdBy: w.people.leader.id }] });
  const at = w.clock.now();
  duplicate = buildInsight({
    reporterId: w.people.frontline.id,
    customerIds: [w.acme.id, globex.id],
    goals: [
      { goalId: w.goal.id, rationale: 'churn', linkedBy: w.people.curator.id, linkedAt: at },
      { goalId: second.id, rationale: 'onboarding', linkedBy: w.people.curator.id, linkedAt: at },
    ],
  });
  survivor = buildInsight({
    reporterId: w.people.colleague.id,
    customerIds: [w.acme.id],
    goals: [{ goalId: w.goal.id, rationale: 'kept', linkedBy: w.people.owner.id, linkedAt: at }],
  });
  w.seed({ insights: [duplicate, survivor] });
  // Both said "me too" on the duplicate; the curator had already said it on the survivor.
  await reactToInsight(w.deps, { actor: w.people.curator, insightId: duplicate.id });
  await reactToInsight(w.deps, { actor: w.people.outsider, insightId: duplicate.id });
  await reactToInsight(w.deps, { actor: w.people.curator, insightId: survivor.id });
  await addEvidence(w.deps, { actor: w.people.outsider, insightId: duplicate.id, customerId: initech.id });
  await commentOnInsight(w.deps, { actor: w.people.outsider, insightId: duplicate.id, body: 'Initech too' });
  w.state.events.length = 0;
  w.state.audit.length = 0;
});

const merge = () =>
  mergeInsights(w.deps, { actor: w.people.curator, duplicateId: duplicate.id, survivorId: survivor.id });

describe('mergeInsights', () => {
  it('moves evidence, reactions (once per person), goal links, customers and comments to the survivor', async () => {
    await merge();
    const kept = w.state.insights.get(survivor.id)!;
    const gone = w.state.insights.get(duplicate.id)!;
    expect(w.state.evidence.map((e) => e.insightId)).toEqual([survivor.id]);
    expect(w.state.comments.map((c) => c.insightId)).toEqual([survivor.id]);
    const reactions = w.state.reactions.map(
      (r) => `${r.insightId === survivor.id ? 'S' : 'D'}:${r.personId}`,
    );
    expect(reactions.sort()).toEqual([`S:${w.people.curator.id}`, `S:${w.people.outsider.id}`].sort());
    expect(kept.goals.map((g) => g.goalId).sort()).toEqual([w.goal.id, second.id].sort());
    expect(kept.goals.find((g) => g.goalId === w.goal.id)?.rationale).toBe('kept');
    expect(kept.customerIds.sort()).toEqual([w.acme.id, globex.id].sort());
    expect({ evidence: kept.evidenceCount, reactions: kept.reactionCount }).toEqual({
      evidence: 1,
      reactions: 2,
    });
    expect(gone).toMatchObject({ goals: [], customerIds: [], evidenceCount: 0, reactionCount: 0 });
    expect(await w.deps.merges.findActiveByDuplicate(duplicate.id)).toMatchObject({
      survivorId: survivor.id,
    });
  });

  it('audits the merge on both insights and publishes an index update for each', async () => {
    const done = await merge();
    expect(w.state.audit.map((a) => [a.action, a.subject.id])).toEqual([
      ['insight.merged_into', duplicate.id],
      ['insight.absorbed', survivor.id],
    ]);
    expect(w.state.audit[0]?.details).toEqual({
      mergeId: done.id,
      duplicateId: duplicate.id,
      survivorId: survivor.id,
    });
    expect(w.state.events).toEqual([
      { type: 'insight.edited', insightId: duplicate.id },
      { type: 'insight.edited', insightId: survivor.id },
    ]);
  });

  it('is undone exactly: every row and count as it was before', async () => {
    const insightsBefore = clone(w.state.insights);
    const rowsBefore = clone({ e: w.state.evidence, r: w.state.reactions, c: w.state.comments });
    const done = await merge();
    await undoMerge(w.deps, { actor: w.people.curator, mergeId: done.id });
    expect(w.state.insights).toEqual(insightsBefore);
    expect(w.state.evidence).toEqual(rowsBefore.e);
    expect(w.state.comments).toEqual(rowsBefore.c);
    expect([...w.state.reactions].sort(byKey)).toEqual([...rowsBefore.r].sort(byKey));
    expect(await w.deps.merges.findActiveByDuplicate(duplicate.id)).toBeNull();
    expect(w.state.audit.slice(2).map((a) => [a.action, a.subject.id])).toEqual([
      ['insight.merge_undone', duplicate.id],
      ['insight.merge_undone', survivor.id],
    ]);
    expect(w.state.events.slice(2)).toEqual([
      { type: 'insight.edited', insightId: duplicate.id },
      { type: 'insight.edited', insightId: survivor.id },
    ]);
  });

  it('refuses to undo the same merge twice', async () => {
    const done = await merge();
    await undoMerge(w.deps, { actor: w.people.curator, mergeId: done.id });
    await expectRefused(w.state, () => undoMerge(w.deps, { actor: w.people.curator, mergeId: done.id }), {
      code: 'MERGE.ALREADY_UNDONE',
      kind: 'conflict',
    });
  });

  it('asks to undo a later merge of the survivor first, so nothing is lost', async () => {
    const third = buildInsight({ reporterId: w.people.owner.id });
    w.seed({ insights: [third] });
    const first = await merge();
    await mergeInsights(w.deps, { actor: w.people.curator, duplicateId: survivor.id, survivorId: third.id });
    await expectRefused(w.state, () => undoMerge(w.deps, { actor: w.people.curator, mergeId: first.id }), {
      code: 'MERGE.UNDO_LATER_FIRST',
    });
  });

  it('lands a me-too or evidence sent to the merged duplicate on its survivor', async () => {
    await merge();
    await reactToInsight(w.deps, { actor: w.people.frontline, insightId: duplicate.id });
    const evidence = await addEvidence(w.deps, {
      actor: w.people.frontline,
      insightId: duplicate.id,
      customerId: globex.id,
    });
    expect(evidence.insightId).toBe(survivor.id);
    const mine = w.state.reactions.filter((r) => r.personId === w.people.frontline.id);
    expect(mine.map((r) => r.insightId)).toEqual([survivor.id]);
  });

  it('refuses someone who is not a curator, storing nothing', async () => {
    await expectRefused(
      w.state,
      () =>
        mergeInsights(w.deps, {
          actor: w.people.frontline,
          duplicateId: duplicate.id,
          survivorId: survivor.id,
        }),
      { code: 'CURATION.NOT_CURATOR', kind: 'forbidden' },
    );
  });

  it('refuses merging an insight into itself, or into one that was merged away', async () => {
    await expectRefused(
      w.state,
      () =>
        mergeInsights(w.deps, { actor: w.people.curator, duplicateId: survivor.id, survivorId: survivor.id }),
      { code: 'MERGE.SAME_INSIGHT', issues: [{ field: 'survivorId' }] },
    );
    const third = buildInsight({ reporterId: w.people.owner.id });
    w.seed({ insights: [third] });
    await merge();
    await expectRefused(
      w.state,
      () =>
        mergeInsights(w.deps, { actor: w.people.curator, duplicateId: third.id, survivorId: duplicate.id }),
      { code: 'MERGE.SURVIVOR_MERGED', issues: [{ field: 'survivorId' }] },
    );
    await expectRefused(
      w.state,
      () =>
        mergeInsights(w.deps, { actor: w.people.curator, duplicateId: duplicate.id, survivorId: third.id }),
      { code: 'MERGE.ALREADY_MERGED', kind: 'conflict' },
    );
  });

  it('refuses a merge that would show a restricted insight’s comments to a wider audience', async () => {
    const restricted = buildInsight({
      reporterId: w.people.curator.id,
      visibility: { scope: 'people', personIds: [w.people.owner.id] },
    });
    w.seed({ insights: [restricted] });
    await expectRefused(
      w.state,
      () =>
        mergeInsights(w.deps, {
          actor: w.people.curator,
          duplicateId: restricted.id,
          survivorId: survivor.id,
        }),
      { code: 'MERGE.WOULD_WIDEN_AUDIENCE', issues: [{ field: 'survivorId' }] },
    );
    // The other way round narrows the audience of what moves, which is allowed.
    await mergeInsights(w.deps, {
      actor: w.people.curator,
      duplicateId: survivor.id,
      survivorId: restricted.id,
    });
  });

  it('answers an insight the curator may not read as unknown', async () => {
    const hidden = buildInsight({
      reporterId: w.people.frontline.id,
      visibility: { scope: 'team', teamId: w.teams.support.id },
    });
    w.seed({ insights: [hidden] });
    await expectRefused(
      w.state,
      () =>
        mergeInsights(w.deps, { actor: w.people.curator, duplicateId: hidden.id, survivorId: survivor.id }),
      { code: 'INSIGHT.NOT_FOUND', kind: 'not_found' },
    );
  });
});

const byKey = (a: { insightId: string; personId: string }, b: { insightId: string; personId: string }) =>
  `${a.insightId}${a.personId}`.localeCompare(`${b.insightId}${b.personId}`);
