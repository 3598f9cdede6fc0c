import { beforeEach, describe, expect, it } from 'vitest';
import { buildGoal, buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { type LinkInsightToGoalInput, linkInsightToGoal } from './link-insight-to-goal';

let w: World;
let insight: Insight;
beforeEach(() => {
  w = createWorld();
  insight = buildInsight({ reporterId: w.people.frontline.id });
  w.seed({ insights: [insight] });
});

const link = (overrides: Partial<LinkInsightToGoalInput> = {}) =>
  linkInsightToGoal(w.deps, {
    actor: w.people.frontline,
    insightId: insight.id,
    goalId: w.goal.id,
    ...overrides,
  });

describe('linkInsightToGoal', () => {
  it('links the insight with the rationale, audits it and publishes insight.linked_to_goal', async () => {
    expect(await link({ rationale: '  Churn starts here  ' })).toEqual({ linked: true });
    expect(w.state.insights.get(insight.id)?.goals).toEqual([
      {
        goalId: w.goal.id,
        rationale: 'Churn starts here',
        linkedBy: w.people.frontline.id,
        linkedAt: w.clock.now(),
      },
    ]);
    expect(w.state.audit).toEqual([
      expect.objectContaining({ action: 'insight.linked_to_goal', details: { goalId: w.goal.id } }),
    ]);
    expect(w.state.events).toEqual([
      {
        type: 'insight.linked_to_goal',
        insightId: insight.id,
        goalId: w.goal.id,
        linkedBy: w.people.frontline.id,
      },
    ]);
  });

  it('lets a curator link it', async () => {
    expect(await link({ actor: w.people.curator })).toEqual({ linked: true });
  });

  it("lets the goal's owner link it", async () => {
    expect(await link({ actor: w.people.owner })).toEqual({ linked: true });
  });

  it('keeps the first link when linked twice, writing nothing more', async () => {
    await link({ rationale: 'First' });
    const audit = w.state.audit.length;
    expect(await link({ actor: w.people.curator, rationale: 'Second' })).toEqual({ linked: false });
    expect(w.state.insights.get(insight.id)?.goals.map((g) => g.rationale)).toEqual(['First']);
    expect(w.state.audit).toHaveLength(audit);
    expect(w.state.events).toHaveLength(1);
  });
});

describe('linkInsightToGoal refuses', () => {
  it('a reader who is neither reporter, curator nor goal owner', async () => {
    await expectRefused(w.state, () => link({ actor: w.people.colleague }), {
      code: 'INSIGHT.NOT_LINKABLE',
      kind: 'forbidden',
    });
  });

  it('an insight the actor may not read, as if it did not exist', async () => {
    w.seed({ insights: [{ ...insight, visibility: { scope: 'team', teamId: w.teams.support.id } }] });
    await expectRefused(w.state, () => link({ actor: w.people.owner }), { code: 'INSIGHT.NOT_FOUND' });
  });

  it('a goal that does not exist', async () => {
    await expectRefused(w.state, () => link({ goalId: 'nope' }), {
      code: 'GOAL.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('a goal that is no longer active', async () => {
    const dropped = buildGoal({ status: 'dropped', ownerId: w.people.owner.id });
    w.seed({ goals: [dropped] });
    await expectRefused(w.state, () => link({ goalId: dropped.id }), {
      code: 'GOAL.NOT_ACTIVE',
      kind: 'validation',
    });
  });

  it('a rationale longer than 280 characters', async () => {
    await expectRefused(w.state, () => link({ rationale: 'r'.repeat(281) }), {
      code: 'GOAL_LINK.RATIONALE.TOO_LONG',
    });
  });
});
