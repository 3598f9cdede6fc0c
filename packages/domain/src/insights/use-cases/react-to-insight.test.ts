import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { reactToInsight } from './react-to-insight';

let w: World;
let insight: Insight;
beforeEach(() => {
  w = createWorld();
  insight = buildInsight({ reporterId: w.people.frontline.id });
  w.seed({ insights: [insight] });
});

describe('reactToInsight', () => {
  it('adds a "me too" when no emoji is given, counts it and publishes insight.edited', async () => {
    expect(await reactToInsight(w.deps, { actor: w.people.colleague, insightId: insight.id })).toEqual({
      added: true,
    });
    expect(w.state.reactions).toEqual([
      { insightId: insight.id, personId: w.people.colleague.id, emoji: 'me-too', createdAt: w.clock.now() },
    ]);
    expect(w.state.insights.get(insight.id)?.reactionCount).toBe(1);
    expect(w.state.events).toEqual([{ type: 'insight.edited', insightId: insight.id }]);
  });

  it('accepts an emoji written with colons, as chat sends it', async () => {
    await reactToInsight(w.deps, { actor: w.people.colleague, insightId: insight.id, emoji: ' :fire: ' });
    expect(w.state.reactions[0]?.emoji).toBe('fire');
  });

  it('changes nothing when the same person reacts with the same emoji again', async () => {
    await reactToInsight(w.deps, { actor: w.people.colleague, insightId: insight.id, emoji: 'fire' });
    const again = await reactToInsight(w.deps, {
      actor: w.people.colleague,
      insightId: insight.id,
      emoji: 'fire',
    });
    expect(again).toEqual({ added: false });
    expect(w.state.reactions).toHaveLength(1);
    expect(w.state.insights.get(insight.id)?.reactionCount).toBe(1);
    expect(w.state.events).toHaveLength(1);
  });

  it('counts another emoji or another person separately', async () => {
    await reactToInsight(w.deps, { actor: w.people.colleague, insightId: insight.id, emoji: 'fire' });
    await reactToInsight(w.deps, { actor: w.people.colleague, insightId: insight.id });
    await reactToInsight(w.deps, { actor: w.people.outsider, insightId: insight.id, emoji: 'fire' });
    expect(w.state.insights.get(insight.id)?.reactionCount).toBe(3);
  });
});

describe('reactToInsight refuses', () => {
  it.each(['', '  ', '::', 'x'.repeat(65)])('the emoji %j', async (emoji) => {
    await expectRefused(
      w.state,
      () => reactToInsight(w.deps, { actor: w.people.colleague, insightId: insight.id, emoji }),
      {
        code: 'REACTION.INVALID',
        kind: 'validation',
      },
    );
  });

  it('an insight the actor may not read, as if it did not exist', async () => {
    w.seed({ insights: [{ ...insight, visibility: { scope: 'team', teamId: w.teams.support.id } }] });
    await expectRefused(
      w.state,
      () => reactToInsight(w.deps, { actor: w.people.outsider, insightId: insight.id }),
      {
        code: 'INSIGHT.NOT_FOUND',
        kind: 'not_found',
      },
    );
  });

  it('an insight that does not exist', async () => {
    await expectRefused(
      w.state,
      () => reactToInsight(w.deps, { actor: w.people.outsider, insightId: 'nope' }),
      {
        code: 'INSIGHT.NOT_FOUND',
      },
    );
  });
});
