import { beforeEach, describe, expect, it } from 'vitest';
import { buildCustomer, buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Insight } from '../insight';
import { addEvidence } from './add-evidence';

let w: World;
let insight: Insight;
const globex = buildCustomer({ name: 'Globex' });
beforeEach(() => {
  w = createWorld({ customers: [globex] });
  insight = buildInsight({ reporterId: w.people.frontline.id, customerIds: [w.acme.id] });
  w.seed({ insights: [insight] });
});

describe('addEvidence', () => {
  it('records that a further customer says the same thing, and counts it', async () => {
    const evidence = await addEvidence(w.deps, {
      actor: w.people.outsider,
      insightId: insight.id,
      customerId: globex.id,
      note: '  Globex asked too  ',
    });
    expect(evidence).toMatchObject({
      insightId: insight.id,
      customerId: globex.id,
      addedBy: w.people.outsider.id,
      note: 'Globex asked too',
      createdAt: w.clock.now(),
    });
    expect(w.state.evidence).toEqual([evidence]);
    expect(w.state.insights.get(insight.id)?.evidenceCount).toBe(1);
  });

  it('stores a blank note as none', async () => {
    const evidence = await addEvidence(w.deps, {
      actor: w.people.outsider,
      insightId: insight.id,
      customerId: globex.id,
      note: '   ',
    });
    expect(evidence.note).toBeNull();
  });

  it('audits it and publishes insight.edited', async () => {
    await addEvidence(w.deps, { actor: w.people.outsider, insightId: insight.id, customerId: globex.id });
    expect(w.state.audit).toEqual([
      expect.objectContaining({ action: 'insight.evidence_added', details: { customerId: globex.id } }),
    ]);
    expect(w.state.events).toEqual([{ type: 'insight.edited', insightId: insight.id }]);
  });
});

describe('addEvidence refuses', () => {
  it('a customer that does not exist', async () => {
    await expectRefused(
      w.state,
      () => addEvidence(w.deps, { actor: w.people.outsider, insightId: insight.id, customerId: 'nope' }),
      { code: 'EVIDENCE.UNKNOWN_CUSTOMER', kind: 'validation' },
    );
  });

  it('a note longer than 2,000 characters', async () => {
    await expectRefused(
      w.state,
      () =>
        addEvidence(w.deps, {
          actor: w.people.outsider,
          insightId: insight.id,
          customerId: globex.id,
          note: 'n'.repeat(2001),
        }),
      { code: 'EVIDENCE.NOTE.TOO_LONG' },
    );
  });

  it('an insight the actor may not read, as if it did not exist', async () => {
    w.seed({ insights: [{ ...insight, visibility: { scope: 'team', teamId: w.teams.support.id } }] });
    await expectRefused(
      w.state,
      () => addEvidence(w.deps, { actor: w.people.outsider, insightId: insight.id, customerId: globex.id }),
      { code: 'INSIGHT.NOT_FOUND', kind: 'not_found' },
    );
  });
});
