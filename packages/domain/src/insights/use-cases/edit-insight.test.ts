import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import { type Insight, MAX_BODY_LENGTH } from '../insight';
import { type EditInsightInput, editInsight } from './edit-insight';

let w: World;
let insight: Insight;
beforeEach(() => {
  w = createWorld();
  insight = buildInsight({ reporterId: w.people.frontline.id, title: 'Old title', tags: ['old'] });
  w.seed({ insights: [insight] });
  w.clock.set('2026-01-16T10:00:00.000Z');
});

const edit = (changes: Partial<EditInsightInput> = {}) =>
  editInsight(w.deps, { actor: w.people.frontline, insightId: insight.id, ...changes });

describe('editInsight', () => {
  it('changes only the fields given, trimmed and normalised, and stamps the time', async () => {
    const updated = await edit({ body: '  New body  ', tags: ['#SSO', 'sso'], sentiment: 'mixed' });
    expect(updated).toMatchObject({
      title: 'Old title',
      body: 'New body',
      tags: ['sso'],
      sentiment: 'mixed',
      kind: insight.kind,
      updatedAt: new Date('2026-01-16T10:00:00.000Z'),
    });
    expect(w.state.insights.get(insight.id)).toEqual(updated);
  });

  it('keeps the old title when the new one is blank', async () => {
    expect((await edit({ title: '   ' })).title).toBe('Old title');
  });

  it('audits the changed fields and publishes insight.edited', async () => {
    await edit({ title: 'New title', customerIds: [w.acme.id, w.acme.id] });
    expect(w.state.insights.get(insight.id)?.customerIds).toEqual([w.acme.id]);
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'insight.edited',
        actorId: w.people.frontline.id,
        details: { fields: ['title', 'customerIds'] },
      }),
    ]);
    expect(w.state.events).toEqual([{ type: 'insight.edited', insightId: insight.id }]);
  });

  it('lets a curator who can read it edit it', async () => {
    expect((await edit({ actor: w.people.curator, title: 'Curated' })).title).toBe('Curated');
  });

  it('lets an admin restrict who may see it', async () => {
    const visibility = { scope: 'team' as const, teamId: w.teams.support.id };
    expect((await edit({ actor: w.people.admin, visibility })).visibility).toEqual(visibility);
  });
});

describe('editInsight refuses', () => {
  it('a reader who is neither reporter, curator nor admin', async () => {
    await expectRefused(w.state, () => edit({ actor: w.people.colleague, title: 'Mine now' }), {
      code: 'INSIGHT.NOT_EDITABLE',
      kind: 'forbidden',
    });
  });

  it('someone who may not read it, as if it did not exist', async () => {
    w.seed({
      insights: [{ ...insight, visibility: { scope: 'people', personIds: [w.people.colleague.id] } }],
    });
    await expectRefused(w.state, () => edit({ actor: w.people.curator, title: 'x' }), {
      code: 'INSIGHT.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('an insight that does not exist', async () => {
    await expectRefused(w.state, () => edit({ insightId: 'nope', title: 'x' }), {
      code: 'INSIGHT.NOT_FOUND',
    });
  });

  it('a body emptied to whitespace', async () => {
    await expectRefused(w.state, () => edit({ body: '   ' }), {
      code: 'INSIGHT.BODY.EMPTY',
      kind: 'validation',
    });
  });

  it('a body longer than 20,000 characters', async () => {
    await expectRefused(w.state, () => edit({ body: 'b'.repeat(MAX_BODY_LENGTH + 1) }), {
      code: 'INSIGHT.BODY.TOO_LONG',
    });
  });

  it('an unknown customer', async () => {
    await expectRefused(w.state, () => edit({ customerIds: ['no-such-customer'] }), {
      code: 'INSIGHT.UNKNOWN_CUSTOMER',
    });
  });

  it('a visibility naming nobody', async () => {
    await expectRefused(w.state, () => edit({ visibility: { scope: 'people', personIds: [] } }), {
      code: 'VISIBILITY.NOBODY',
    });
  });

  it('a visibility for an unknown team', async () => {
    await expectRefused(w.state, () => edit({ visibility: { scope: 'team', teamId: 'nope' } }), {
      code: 'VISIBILITY.UNKNOWN_TEAM',
    });
  });
});
