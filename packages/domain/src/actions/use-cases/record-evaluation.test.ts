import { beforeEach, describe, expect, it } from 'vitest';
import type { Insight } from '../../insights/insight';
import { buildAction, buildInsight, createWorld, type World } from '../../testing';
import { expectRefused } from '../../testing/expect-refused';
import type { Action } from '../action';
import { type RecordEvaluationInput, recordEvaluation } from './record-evaluation';

let w: World;
let byFrontline: Insight;
let alsoByFrontline: Insight;
let byColleague: Insight;
let byOwner: Insight;
let action: Action;
let other: Action;
beforeEach(() => {
  w = createWorld();
  byFrontline = buildInsight({ reporterId: w.people.frontline.id });
  alsoByFrontline = buildInsight({ reporterId: w.people.frontline.id });
  byColleague = buildInsight({ reporterId: w.people.colleague.id });
  byOwner = buildInsight({ reporterId: w.people.owner.id });
  const base = { goalId: w.goal.id, assigneeId: w.people.colleague.id, assignedBy: w.people.owner.id };
  action = buildAction({ ...base, citedInsightIds: [byFrontline.id, alsoByFrontline.id, byOwner.id] });
  other = buildAction({ ...base, citedInsightIds: [byColleague.id, byFrontline.id] });
  w.seed({ insights: [byFrontline, alsoByFrontline, byColleague, byOwner], actions: [action, other] });
});

const evaluate = (overrides: Partial<RecordEvaluationInput> = {}) =>
  recordEvaluation(w.deps, {
    actor: w.people.owner,
    subject: { kind: 'action', actionId: action.id },
    result: 'better',
    note: '  Invoice tickets halved.  ',
    ...overrides,
  });

describe('recordEvaluation', () => {
  it('stores the evaluation of an action under its goal', async () => {
    const { evaluation } = await evaluate({ evidenceInsightIds: [byColleague.id, byColleague.id] });
    expect(evaluation).toMatchObject({
      subject: { kind: 'action', actionId: action.id, goalId: w.goal.id },
      result: 'better',
      kpiValue: null,
      evidenceInsightIds: [byColleague.id],
      note: 'Invoice tickets halved.',
      evaluatorId: w.people.owner.id,
      evaluatedAt: w.clock.now(),
    });
    expect(w.state.evaluations).toEqual([evaluation]);
  });

  it("returns the reporters of the action's cited insights, once each and without the evaluator", async () => {
    const { notifyPersonIds } = await evaluate();
    expect(notifyPersonIds).toEqual([w.people.frontline.id]);
  });

  it('returns the reporters behind every action of the goal when the goal itself is evaluated', async () => {
    const { notifyPersonIds } = await evaluate({ subject: { kind: 'goal', goalId: w.goal.id } });
    expect([...notifyPersonIds].sort()).toEqual([w.people.frontline.id, w.people.colleague.id].sort());
  });

  it('audits the evaluation and publishes evaluation.recorded with the people to notify', async () => {
    const { evaluation, notifyPersonIds } = await evaluate();
    expect(w.state.audit).toEqual([
      expect.objectContaining({
        action: 'evaluation.recorded',
        subject: { type: 'evaluation', id: evaluation.id },
        details: { goalId: w.goal.id, result: 'better' },
      }),
    ]);
    expect(w.state.events).toEqual([
      { type: 'evaluation.recorded', evaluationId: evaluation.id, notifyPersonIds },
    ]);
  });

  it("updates the goal's current KPI value when a value is measured", async () => {
    await evaluate({ kpiValue: 5.5 });
    expect(w.state.goals.get(w.goal.id)?.kpi.current).toBe(5.5);
  });

  it("leaves the goal's KPI alone when no value is measured", async () => {
    await evaluate({ kpiValue: null });
    expect(w.state.goals.get(w.goal.id)?.kpi.current).toBeNull();
  });

  it('lets an admin evaluate in place of the owner', async () => {
    const { notifyPersonIds } = await evaluate({ actor: w.people.admin });
    expect([...notifyPersonIds].sort()).toEqual([w.people.frontline.id, w.people.owner.id].sort());
  });
});

describe('recordEvaluation refuses', () => {
  it('anyone but the owner', async () => {
    await expectRefused(w.state, () => evaluate({ actor: w.people.leader }), {
      code: 'EVALUATION.NOT_OWNER',
      kind: 'forbidden',
    });
  });

  it('the assignee of the action', async () => {
    await expectRefused(w.state, () => evaluate({ actor: w.people.colleague }), {
      code: 'EVALUATION.NOT_OWNER',
    });
  });

  it('an action that does not exist', async () => {
    await expectRefused(w.state, () => evaluate({ subject: { kind: 'action', actionId: 'nope' } }), {
      code: 'ACTION.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('a goal that does not exist', async () => {
    await expectRefused(w.state, () => evaluate({ subject: { kind: 'goal', goalId: 'nope' } }), {
      code: 'GOAL.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('an empty note', async () => {
    await expectRefused(w.state, () => evaluate({ note: '  ' }), { code: 'EVALUATION.NOTE.EMPTY' });
  });

  it('a KPI value that is not a number', async () => {
    await expectRefused(w.state, () => evaluate({ kpiValue: Number.NaN }), { code: 'EVALUATION.KPI_VALUE' });
  });

  it('evidence that does not exist', async () => {
    await expectRefused(w.state, () => evaluate({ evidenceInsightIds: ['nope'] }), {
      code: 'EVALUATION.UNKNOWN_INSIGHT',
    });
  });

  it('evidence the evaluator may not read, exactly as if it did not exist', async () => {
    const restricted = buildInsight({
      reporterId: w.people.frontline.id,
      visibility: { scope: 'team', teamId: w.teams.support.id },
    });
    w.seed({ insights: [restricted] });
    await expectRefused(w.state, () => evaluate({ evidenceInsightIds: [restricted.id] }), {
      code: 'EVALUATION.UNKNOWN_INSIGHT',
      kind: 'validation',
      issues: [
        { field: 'evidenceInsightIds', message: `No insight you can read has the id ${restricted.id}.` },
      ],
    });
  });
});
