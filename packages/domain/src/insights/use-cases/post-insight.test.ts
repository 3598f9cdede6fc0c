import { beforeEach, describe, expect, it } from 'vitest';
import { buildGoal, clone, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { MAX_BODY_LENGTH } from '../insight';
import { type PostInsightInput, postInsight } from './post-insight';

let w: World;
beforeEach(() => {
  w = createWorld();
});

const post = (overrides: Partial<PostInsightInput> = {}) =>
  postInsight(w.deps, {
    actor: w.people.frontline,
    body: 'Acme wants SSO before they renew.',
    kind: 'request',
    sentiment: 'neutral',
    source: { kind: 'web' },
    ...overrides,
  });

describe('postInsight', () => {
  it('stores the insight as said by the actor, visible to everyone by default', async () => {
    const { insight, created } = await post({
      body: '  Acme wants SSO\nbefore they renew.  ',
      customerIds: [w.acme.id],
      tags: ['#SSO', 'sso', 'Renewal Risk'],
    });
    expect(created).toBe(true);
    expect(insight).toMatchObject({
      title: 'Acme wants SSO',
      body: 'Acme wants SSO\nbefore they renew.',
      reporterId: w.people.frontline.id,
      customerIds: [w.acme.id],
      tags: ['sso', 'renewal-risk'],
      visibility: { scope: 'everyone' },
      triage: 'new',
      story: null,
      source: { kind: 'web', url: null, externalId: null },
      createdAt: w.clock.now(),
    });
    expect(w.state.insights.get(insight.id)).toEqual(insight);
  });

  it('keeps a title the reporter gave, trimmed', async () => {
    const { insight } = await post({ title: '  SSO for Acme  ' });
    expect(insight.title).toBe('SSO for Acme');
  });

  it('records who posted it, from which source, in the audit log', async () => {
    const { insight } = await post({
      source: { kind: 'slack', url: 'https://slack.test/m/1', externalId: 'm1' },
    });
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        actorId: w.people.frontline.id,
        action: 'insight.posted',
        subject: { type: 'insight', id: insight.id },
        details: { source: 'slack' },
        at: w.clock.now(),
      }),
    ]);
  });

  it('publishes insight.posted and one insight.linked_to_goal per goal', async () => {
    const second = buildGoal({ ownerId: w.people.owner.id, createdBy: w.people.leader.id });
    w.seed({ goals: [second] });
    const { insight } = await post({ goalIds: [w.goal.id, second.id, w.goal.id] });
    const linkedBy = w.people.frontline.id;
    expect(w.state.events).toEqual([
      { type: 'insight.posted', insightId: insight.id },
      { type: 'insight.linked_to_goal', insightId: insight.id, goalId: w.goal.id, linkedBy },
      { type: 'insight.linked_to_goal', insightId: insight.id, goalId: second.id, linkedBy },
    ]);
    expect(insight.goals.map((g) => g.goalId)).toEqual([w.goal.id, second.id]);
  });

  it('accepts a text of exactly 20,000 characters', async () => {
    const { insight } = await post({ body: 'a'.repeat(MAX_BODY_LENGTH) });
    expect(insight.body).toHaveLength(MAX_BODY_LENGTH);
  });

  it('keeps the restriction the reporter chose', async () => {
    const visibility = { scope: 'people' as const, personIds: [w.people.colleague.id] };
    const { insight } = await post({ visibility });
    expect(insight.visibility).toEqual(visibility);
  });
});

describe('postInsight, posted twice from the same source message', () => {
  const slack = { kind: 'slack' as const, url: null, externalId: 'C1/1700000000.0001' };

  it('returns the earlier insight with created: false, and stores, audits and publishes nothing more', async () => {
    const first = await post({ source: slack });
    const audit = w.state.audit.length;
    const events = w.state.events.length;
    const again = await post({ source: slack, body: 'Reworded on retry' });
    expect(again).toEqual({ insight: first.insight, created: false });
    expect(w.state.insights.size).toBe(1);
    expect(w.state.audit).toHaveLength(audit);
    expect(w.state.events).toHaveLength(events);
  });

  it('treats the same id from another source as another message', async () => {
    await post({ source: slack });
    const { created } = await post({ source: { ...slack, kind: 'teams' } });
    expect(created).toBe(true);
    expect(w.state.insights.size).toBe(2);
  });

  it('gives the earlier insight to a colleague who shares the same message and may read it', async () => {
    const first = await post({ source: slack });
    const again = await post({ actor: w.people.colleague, source: slack });
    expect(again).toEqual({ insight: first.insight, created: false });
  });

  it('does not hand a restricted earlier insight to someone who may not read it', async () => {
    await post({ source: slack, visibility: { scope: 'people', personIds: [w.people.colleague.id] } });
    await expectRefused(w.state, () => post({ actor: w.people.outsider, source: slack }), {
      code: 'INSIGHT.ALREADY_SHARED',
      kind: 'conflict',
    });
  });
});

describe('postInsight, when a write fails', () => {
  it('stores nothing: the insight, its audit event and its outbox events go together', async () => {
    w.deps.outbox = {
      publish: async () => {
        throw new Error('outbox unavailable');
      },
    };
    const before = clone(w.state);
    await expect(post({ goalIds: [w.goal.id] })).rejects.toThrow('outbox unavailable');
    expect(w.state).toEqual(before);
    expect(w.state.insights.size).toBe(0);
    expect(w.state.audit).toEqual([]);
  });
});
