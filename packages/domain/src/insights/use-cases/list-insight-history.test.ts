import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import type { Insight } from '../insight';
import { commentOnInsight } from './comment-on-insight';
import { editInsight } from './edit-insight';
import { linkInsightToGoal } from './link-insight-to-goal';
import { listInsightHistory } from './list-insight-history';
import { mergeInsights } from './merge-insights';
import { triageInsight } from './triage-insight';

let w: World;
let insight: Insight;
beforeEach(() => {
  w = createWorld();
  insight = buildInsight({ reporterId: w.people.frontline.id });
  w.seed({ insights: [insight] });
});

describe('listInsightHistory', () => {
  it('tells who did what to an insight, newest first, in words', async () => {
    await editInsight(w.deps, {
      actor: w.people.frontline,
      insightId: insight.id,
      title: 'Exports by hand',
      kind: 'request',
    });
    w.clock.set('2026-01-15T10:00:00Z');
    await triageInsight(w.deps, { actor: w.people.curator, insightIds: [insight.id], state: 'triaged' });
    w.clock.set('2026-01-15T11:00:00Z');
    await linkInsightToGoal(w.deps, {
      actor: w.people.curator,
      insightId: insight.id,
      goalId: w.goal.id,
      rationale: 'SMB accounts leave over it',
    });
    w.clock.set('2026-01-15T12:00:00Z');
    await commentOnInsight(w.deps, { actor: w.people.outsider, insightId: insight.id, body: 'Seen it too' });
    const history = await listInsightHistory(w.deps, { actor: w.people.outsider, insightId: insight.id });
    expect(history.map((h) => [h.actorId, h.summary])).toEqual([
      [w.people.outsider.id, 'commented'],
      [w.people.curator.id, 'linked it to "Halve SMB churn"'],
      [w.people.curator.id, 'set triage to triaged'],
      [w.people.frontline.id, 'edited the title, kind'],
    ]);
    expect(history[0]?.at).toEqual(new Date('2026-01-15T12:00:00Z'));
  });

  it('links a merge to the other insight', async () => {
    const survivor = buildInsight({ reporterId: w.people.colleague.id });
    w.seed({ insights: [survivor] });
    await mergeInsights(w.deps, {
      actor: w.people.curator,
      duplicateId: insight.id,
      survivorId: survivor.id,
    });
    const [entry] = await listInsightHistory(w.deps, { actor: w.people.frontline, insightId: insight.id });
    expect(entry).toMatchObject({ summary: 'merged it into another insight', relatedInsightId: survivor.id });
    const [kept] = await listInsightHistory(w.deps, { actor: w.people.frontline, insightId: survivor.id });
    expect(kept).toMatchObject({ summary: 'merged a duplicate into it', relatedInsightId: insight.id });
  });

  it('is refused to someone who may not read the insight', async () => {
    const hidden = buildInsight({
      reporterId: w.people.frontline.id,
      visibility: { scope: 'people', personIds: [w.people.colleague.id] },
    });
    w.seed({ insights: [hidden] });
    await expect(
      listInsightHistory(w.deps, { actor: w.people.outsider, insightId: hidden.id }),
    ).rejects.toMatchObject({
      code: 'INSIGHT.NOT_FOUND',
    });
  });
});
