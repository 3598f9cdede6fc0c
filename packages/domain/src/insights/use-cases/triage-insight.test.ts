import { beforeEach, describe, expect, it } from 'vitest';
import { buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { triageInsight } from './triage-insight';

let w: World;
let first: Insight;
let second: Insight;
let restricted: Insight;
beforeEach(() => {
  w = createWorld();
  first = buildInsight({ reporterId: w.people.frontline.id });
  second = buildInsight({ reporterId: w.people.outsider.id });
  restricted = buildInsight({
    reporterId: w.people.frontline.id,
    visibility: { scope: 'team', teamId: w.teams.support.id },
  });
  w.seed({ insights: [first, second, restricted] });
  w.clock.set('2026-01-16T08:00:00.000Z');
});

describe('triageInsight', () => {
  it('moves several insights at once, auditing and publishing each', async () => {
    const result = await triageInsight(w.deps, {
      actor: w.people.curator,
      insightIds: [first.id, second.id, first.id],
      state: 'triaged',
    });
    expect(result).toEqual({ updated: 2 });
    for (const id of [first.id, second.id]) {
      expect(w.state.insights.get(id)).toMatchObject({ triage: 'triaged', updatedAt: w.clock.now() });
    }
    expect(w.state.insights.get(restricted.id)?.triage).toBe('new');
    expect(w.state.audit.map((a) => [a.action, a.subject.id, a.details])).toEqual([
      ['insight.triaged', first.id, { state: 'triaged' }],
      ['insight.triaged', second.id, { state: 'triaged' }],
    ]);
    expect(w.state.events).toEqual([
      { type: 'insight.edited', insightId: first.id },
      { type: 'insight.edited', insightId: second.id },
    ]);
  });

  it('lets an admin triage restricted insights', async () => {
    await triageInsight(w.deps, { actor: w.people.admin, insightIds: [restricted.id], state: 'archived' });
    expect(w.state.insights.get(restricted.id)?.triage).toBe('archived');
  });
});

describe('triageInsight refuses', () => {
  it('someone who is not a curator', async () => {
    await expectRefused(
      w.state,
      () => triageInsight(w.deps, { actor: w.people.frontline, insightIds: [first.id], state: 'triaged' }),
      { code: 'CURATION.NOT_CURATOR', kind: 'forbidden' },
    );
  });

  it('an empty selection', async () => {
    await expectRefused(
      w.state,
      () => triageInsight(w.deps, { actor: w.people.curator, insightIds: [], state: 'triaged' }),
      { code: 'TRIAGE.NOTHING_SELECTED', kind: 'validation' },
    );
  });

  it('the whole batch when one insight is not readable by the curator, as if it did not exist', async () => {
    await expectRefused(
      w.state,
      () =>
        triageInsight(w.deps, {
          actor: w.people.curator,
          insightIds: [first.id, restricted.id],
          state: 'triaged',
        }),
      { code: 'INSIGHT.NOT_FOUND', kind: 'not_found' },
    );
  });

  it('the whole batch when one id does not exist', async () => {
    await expectRefused(
      w.state,
      () =>
        triageInsight(w.deps, { actor: w.people.curator, insightIds: [first.id, 'nope'], state: 'archived' }),
      { code: 'INSIGHT.NOT_FOUND' },
    );
  });
});
