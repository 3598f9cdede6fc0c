// The domain's real use cases on PostgreSQL: what they write, audit and queue
// commits together, and a refusal leaves no trace anywhere.
import { assignAction, type Clock, type Deps, postInsight, recordEvaluation } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCustomer,
  buildGoal,
  buildInsight,
  buildPerson,
  buildTeam,
  queuedJobs,
  useTestDatabase,
} from '../testing';
import type { Db } from './db';
import { createDeps } from './index';

const db = useTestDatabase();
const NOW = new Date('2026-01-15T09:00:00.000Z');
const clock: Clock = { now: () => new Date(NOW) };

/** Rows a refused command must not have added anywhere. */
async function footprint(sql: Db) {
  const [row] = await sql`
    select (select count(*)::int from insights) as insights, (select count(*)::int from audit_events) as audit,
           (select count(*)::int from actions) as actions, (select count(*)::int from evaluations) as evaluations,
           (select count(*)::int from graphile_worker.jobs) as jobs,
           (select coalesce(sum(kpi_current), 0)::float from goals) as kpis`;
  return row;
}

async function expectRefusedWithoutTrace(command: () => Promise<unknown>, error: Record<string, unknown>) {
  const sql = db.sql();
  const before = await footprint(sql);
  await expect(command()).rejects.toMatchObject(error);
  expect(await footprint(sql)).toEqual(before);
}

let deps: Deps;
let world: Awaited<ReturnType<typeof buildWorld>>;
async function buildWorld(sql: Db) {
  const [support, billing, sales] = [await buildTeam(sql), await buildTeam(sql), await buildTeam(sql)];
  const sam = await buildPerson(sql, { name: 'Sam Carter', teamId: support.id });
  const chloe = await buildPerson(sql, { name: 'Chloé Dubois', teamId: sales.id });
  const priya = await buildPerson(sql, { name: 'Priya Raman', teamId: billing.id, roles: ['owner'] });
  const goal = await buildGoal(sql, {
    ownerId: priya.id,
    mandate: { statement: 'May change invoices.', teamIds: [billing.id, support.id] },
  });
  const acme = await buildCustomer(sql, { name: 'Acme' });
  return { support, sales, sam, chloe, priya, goal, acme };
}

beforeAll(async () => {
  deps = createDeps(db.sql(), clock);
  world = await buildWorld(db.sql());
});

const jobsAbout = async (id: string) =>
  (await queuedJobs(db.sql())).filter((j) => JSON.stringify(j.payload).includes(id));

describe('postInsight on PostgreSQL', () => {
  it('stores the insight with its audit event and outbox jobs in one go', async () => {
    const { sam, goal, acme, support } = world;
    const { insight, created } = await postInsight(deps, {
      actor: sam,
      body: '  Acme was **charged twice** after upgrading.  ',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'web' },
      customerIds: [acme.id, acme.id],
      goalIds: [goal.id],
      tags: ['#Billing', 'billing', 'Invoices'],
      visibility: { scope: 'team', teamId: support.id },
    });
    expect(created).toBe(true);
    expect(await deps.insights.findById(insight.id)).toEqual(insight);
    expect(insight).toMatchObject({
      title: 'Acme was charged twice after upgrading.',
      body: 'Acme was **charged twice** after upgrading.',
      customerIds: [acme.id],
      tags: ['billing', 'invoices'],
      goals: [{ goalId: goal.id, rationale: null, linkedBy: sam.id, linkedAt: NOW }],
      createdAt: NOW,
    });
    const audit =
      await db.sql()`select actor_id, action, details, at from audit_events where subject_id = ${insight.id}`;
    expect(audit).toEqual([
      { actor_id: sam.id, action: 'insight.posted', details: { source: 'web' }, at: NOW },
    ]);
    expect(await jobsAbout(insight.id)).toEqual([
      { task: 'domain-event', payload: { type: 'insight.posted', insightId: insight.id } },
      {
        task: 'domain-event',
        payload: { type: 'insight.linked_to_goal', insightId: insight.id, goalId: goal.id, linkedBy: sam.id },
      },
    ]);
  });

  it('posts a chat message once, however often it is shared', async () => {
    const input = {
      actor: world.sam,
      body: 'The mobile app logs me out every morning.',
      kind: 'pain' as const,
      sentiment: 'negative' as const,
      source: { kind: 'slack' as const, url: 'https://x.slack.com/p1', externalId: 'slack:once' },
    };
    const first = await postInsight(deps, input);
    const second = await postInsight(deps, input);
    expect(second).toEqual({ insight: first.insight, created: false });
    expect(await jobsAbout(first.insight.id)).toHaveLength(1);
  });

  it('refuses an empty text, unknown goals and customers, and leaves no row, audit event or job', async () => {
    await expectRefusedWithoutTrace(
      () =>
        postInsight(deps, {
          actor: world.sam,
          body: '   ',
          kind: 'pain',
          sentiment: 'negative',
          source: { kind: 'web' },
          goalIds: ['00000000-0000-4000-8000-000000000000'],
          customerIds: ['acme'],
        }),
      {
        code: 'INSIGHT.BODY.EMPTY',
        kind: 'validation',
        issues: [
          expect.objectContaining({ field: 'body' }),
          expect.objectContaining({ code: 'INSIGHT.UNKNOWN_GOAL' }),
          expect.objectContaining({ code: 'INSIGHT.UNKNOWN_CUSTOMER' }),
        ],
      },
    );
  });

  it('refuses an audience of people who do not exist, leaving no trace', async () => {
    await expectRefusedWithoutTrace(
      () =>
        postInsight(deps, {
          actor: world.sam,
          body: 'Only for a few.',
          kind: 'idea',
          sentiment: 'neutral',
          source: { kind: 'web' },
          visibility: { scope: 'people', personIds: ['00000000-0000-4000-8000-000000000000'] },
        }),
      { code: 'VISIBILITY.UNKNOWN_PERSON' },
    );
  });
});

describe('assignAction on PostgreSQL', () => {
  it('stores the action with its audit event and outbox job', async () => {
    const { priya, sam, goal } = world;
    const cited = await buildInsight(db.sql(), { reporterId: sam.id });
    const action = await assignAction(deps, {
      actor: priya,
      goalId: goal.id,
      assigneeId: sam.id,
      title: ' Stop double charges on upgrades ',
      dueDate: '2026-03-31',
      citedInsightIds: [cited.id],
    });
    expect(await deps.actions.findById(action.id)).toEqual(action);
    expect(action).toMatchObject({
      title: 'Stop double charges on upgrades',
      status: 'open',
      citedInsightIds: [cited.id],
    });
    const audit = await db.sql()`select action, details from audit_events where subject_id = ${action.id}`;
    expect(audit).toEqual([{ action: 'action.assigned', details: { goalId: goal.id, assigneeId: sam.id } }]);
    expect(await jobsAbout(action.id)).toEqual([
      { task: 'domain-event', payload: { type: 'action.assigned', actionId: action.id } },
    ]);
  });

  it('refuses an assignee outside the mandate, and an empty title, leaving no trace', async () => {
    const { priya, chloe, sam, goal } = world;
    await expectRefusedWithoutTrace(
      () => assignAction(deps, { actor: priya, goalId: goal.id, assigneeId: chloe.id, title: 'Call Acme' }),
      { code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE', kind: 'forbidden' },
    );
    await expectRefusedWithoutTrace(
      () =>
        assignAction(deps, {
          actor: priya,
          goalId: goal.id,
          assigneeId: sam.id,
          title: ' ',
          dueDate: '2026-02-30',
        }),
      { code: 'ACTION.TITLE.EMPTY', kind: 'validation' },
    );
    await expectRefusedWithoutTrace(
      () => assignAction(deps, { actor: sam, goalId: goal.id, assigneeId: sam.id, title: 'Mine now' }),
      { code: 'GOAL.NOT_OWNER' },
    );
  });
});

describe('recordEvaluation on PostgreSQL', () => {
  it('stores the evaluation, moves the KPI, audits it and queues a job naming whom to tell', async () => {
    const { priya, sam, goal } = world;
    const cited = await buildInsight(db.sql(), { reporterId: sam.id });
    const action = await assignAction(deps, {
      actor: priya,
      goalId: goal.id,
      assigneeId: sam.id,
      title: 'Rewrite the dunning email',
      citedInsightIds: [cited.id],
    });
    const { evaluation, notifyPersonIds } = await recordEvaluation(deps, {
      actor: priya,
      subject: { kind: 'action', actionId: action.id },
      result: 'better',
      kpiValue: 6.5,
      evidenceInsightIds: [cited.id],
      note: ' Fewer angry calls. ',
    });
    expect(notifyPersonIds).toEqual([sam.id]);
    expect(evaluation).toMatchObject({
      subject: { kind: 'action', actionId: action.id, goalId: goal.id },
      note: 'Fewer angry calls.',
      evaluatedAt: NOW,
    });
    expect(await deps.evaluations.listByGoal(goal.id)).toContainEqual(evaluation);
    expect((await deps.goals.findById(goal.id))?.kpi.current).toBe(6.5);
    const audit =
      await db.sql()`select action, details from audit_events where subject_id = ${evaluation.id}`;
    expect(audit).toEqual([
      { action: 'evaluation.recorded', details: { goalId: goal.id, result: 'better' } },
    ]);
    expect(await jobsAbout(evaluation.id)).toEqual([
      {
        task: 'domain-event',
        payload: { type: 'evaluation.recorded', evaluationId: evaluation.id, notifyPersonIds: [sam.id] },
      },
    ]);
  });

  it('refuses an empty note or a non-owner, leaving no evaluation, KPI change, audit event or job', async () => {
    const { priya, sam, goal } = world;
    await expectRefusedWithoutTrace(
      () =>
        recordEvaluation(deps, {
          actor: priya,
          subject: { kind: 'goal', goalId: goal.id },
          result: 'worse',
          kpiValue: 9,
          note: '',
        }),
      { code: 'EVALUATION.NOTE.EMPTY', kind: 'validation' },
    );
    await expectRefusedWithoutTrace(
      () =>
        recordEvaluation(deps, {
          actor: sam,
          subject: { kind: 'goal', goalId: goal.id },
          result: 'better',
          kpiValue: 1,
          note: 'Done',
        }),
      { code: 'EVALUATION.NOT_OWNER', kind: 'forbidden' },
    );
  });
});
