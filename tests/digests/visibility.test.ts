import { buildDigest, createDigestStore } from '@heard/db';
import { buildCustomer, buildPerson, useTestDatabase } from '@heard/db/testing';
import type { DigestContent } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { insightThisWeek, organisation, subscribe, WEEK, weeklyMonday } from './fixtures';

const database = useTestDatabase();
let org: Awaited<ReturnType<typeof organisation>>;
let titles: Record<string, string>;

async function digestFor(personId: string, scope = weeklyMonday().scope): Promise<DigestContent | null> {
  const sql = database.sql();
  const subscription = await subscribe(sql, personId, weeklyMonday({ scope }));
  const outcome = await buildDigest(sql, {
    subscriptionId: subscription.id,
    periodEnd: WEEK.due.toISOString(),
  });
  if (outcome.outcome !== 'built') throw new Error(outcome.outcome);
  return (await createDigestStore(sql).findForPerson(outcome.digestId, personId))?.content ?? null;
}

beforeAll(async () => {
  const sql = database.sql();
  org = await organisation(sql);
  const reporter = await buildPerson(sql, { teamId: org.sales.id });
  const acme = await buildCustomer(sql, { name: 'Acme', value: 500_000 });
  const link = { goalId: org.goal.id, rationale: null, linkedBy: reporter.id, linkedAt: WEEK.inside };
  const everyone = await insightThisWeek(sql, {
    title: 'Everyone: invoices arrive twice',
    tags: ['billing'],
    reporterId: reporter.id,
    goals: [link],
    customerIds: [acme.id],
  });
  const supportOnly = await insightThisWeek(sql, {
    title: 'Support only: refunds take a week',
    tags: ['billing'],
    reporterId: reporter.id,
    visibility: { scope: 'team', teamId: org.support.id },
    goals: [link],
  });
  const salesLeadOnly = await insightThisWeek(sql, {
    title: 'Named: Kestrel may leave',
    tags: ['billing'],
    reporterId: reporter.id,
    visibility: { scope: 'people', personIds: [org.salesLead.id] },
    goals: [link],
  });
  await insightThisWeek(sql, {
    title: 'Last month: old news',
    tags: ['billing'],
    createdAt: new Date('2029-12-01T00:00:00Z'),
  });
  // A published story on the restricted insight, and one on the open insight.
  for (const [insight, headline] of [
    [supportOnly, 'Story behind closed doors'],
    [everyone, 'Acme pays twice, and says so'],
  ] as const) {
    await sql`insert into stories (insight_id, headline, summary, pull_quote, hero_media, status, curator_id, published_at)
              values (${insight.id}, ${headline}, 'What happened.', 'We paid twice.',
                      ${sql.json({ kind: 'image', url: '/uploads/acme.jpg', alt: 'Acme' })}, 'published', ${reporter.id}, ${WEEK.inside})`;
  }
  const [action] =
    await sql`insert into actions (goal_id, title, assignee_id, assigned_by, created_at, updated_at, status)
    values (${org.goal.id}, 'Explain proration on invoices', ${org.supportLead.id}, ${org.goal.ownerId}, ${WEEK.inside}, ${WEEK.inside}, 'done') returning id`;
  await sql`insert into evaluations (action_id, goal_id, result, kpi_value, note, evaluator_id, evaluated_at)
    values (${action!.id}, ${org.goal.id}, 'better', 6.5, 'Fewer tickets about double charges.', ${org.goal.ownerId}, ${WEEK.inside}),
           (null, ${org.goal.id}, 'unchanged', 7.5, 'Baseline check.', ${org.goal.ownerId}, ${new Date('2029-12-15T00:00:00Z')})`;
  titles = { everyone: everyone.title, supportOnly: supportOnly.title, salesLeadOnly: salesLeadOnly.title };
  expect(salesLeadOnly.id).toBeTruthy();
});

describe('a digest holds only what its reader may read', () => {
  it('gives a support leader the open and the support-team insight, not the one named for sales', async () => {
    const digest = (await digestFor(org.supportLead.id))!;
    expect(digest.insights.map((i) => i.title).sort()).toEqual([titles.everyone, titles.supportOnly].sort());
    expect(digest.counts.insights).toBe(2);
    expect(digest.stories.map((s) => s.headline).sort()).toEqual([
      'Acme pays twice, and says so',
      'Story behind closed doors',
    ]);
    expect(JSON.stringify(digest)).not.toContain('Kestrel');
  });

  it('gives the sales leader the open one and the one naming them, and no restricted story', async () => {
    const digest = (await digestFor(org.salesLead.id))!;
    expect(digest.insights.map((i) => i.title).sort()).toEqual(
      [titles.everyone, titles.salesLeadOnly].sort(),
    );
    expect(digest.stories.map((s) => s.headline)).toEqual(['Acme pays twice, and says so']);
    expect(JSON.stringify(digest)).not.toContain('refunds take a week');
    expect(JSON.stringify(digest)).not.toContain('closed doors');
  });

  it('gives an admin everything, since admins may read every insight', async () => {
    const digest = (await digestFor(org.admin.id))!;
    expect(digest.counts.insights).toBe(3);
  });

  it('leaves out what happened before the period', async () => {
    const digest = (await digestFor(org.admin.id))!;
    expect(JSON.stringify(digest)).not.toContain('old news');
  });

  it('for a goal: KPI progress since the last measurement, actions completed and evaluations of the period', async () => {
    const digest = (await digestFor(org.supportLead.id, { kind: 'goal', goalId: org.goal.id }))!;
    expect(digest.scopeLabel).toBe('Goal: Halve churn');
    expect(digest.goals).toEqual([
      expect.objectContaining({
        id: org.goal.id,
        before: 7.5,
        current: 6.5,
        measurements: expect.any(Array),
      }),
    ]);
    expect(digest.goals[0]!.measurements).toHaveLength(2);
    expect(digest.actionsOpened.map((a) => a.title)).toEqual(['Explain proration on invoices']);
    expect(digest.actionsCompleted.map((a) => a.title)).toEqual(['Explain proration on invoices']);
    expect(digest.evaluations).toEqual([
      expect.objectContaining({
        result: 'better',
        kpiValue: 6.5,
        actionTitle: 'Explain proration on invoices',
      }),
    ]);
    expect(digest.insights.map((i) => i.title)).not.toContain(titles.salesLeadOnly);
  });

  it('ranks the valuable customer’s insight first and names the customer', async () => {
    const digest = (await digestFor(org.supportLead.id))!;
    expect(digest.insights[0]).toMatchObject({ title: titles.everyone, customerNames: ['Acme'] });
  });

  it('keeps each digest to its reader: another person asking for it finds nothing', async () => {
    const sql = database.sql();
    const subscription = await subscribe(sql, org.salesLead.id, weeklyMonday());
    const outcome = await buildDigest(sql, {
      subscriptionId: subscription.id,
      periodEnd: WEEK.due.toISOString(),
    });
    const id = outcome.outcome === 'built' ? outcome.digestId : '';
    expect(await createDigestStore(sql).findForPerson(id, org.supportLead.id)).toBeNull();
    expect(await createDigestStore(sql).findForPerson(id, org.salesLead.id)).not.toBeNull();
  });
});

describe('who and what a digest leaves out', () => {
  it('counts a merged duplicate once, in the insight it was merged into', async () => {
    const sql = database.sql();
    const [survivor] = await sql`select id from insights where title = ${titles.everyone!}`;
    const duplicate = await insightThisWeek(sql, {
      title: 'Duplicate: invoices twice again',
      tags: ['billing'],
    });
    await sql`update insights set merged_into = ${survivor!.id} where id = ${duplicate.id}`;
    const digest = (await digestFor(org.admin.id))!;
    expect(digest.insights.map((i) => i.title)).not.toContain('Duplicate: invoices twice again');
  });

  it('builds nothing for a deactivated person', async () => {
    const sql = database.sql();
    const gone = await buildPerson(sql, { teamId: org.support.id });
    const subscription = await subscribe(sql, gone.id, weeklyMonday());
    await sql`update people set deactivated_at = now() where id = ${gone.id}`;
    expect(
      await buildDigest(sql, { subscriptionId: subscription.id, periodEnd: WEEK.due.toISOString() }),
    ).toEqual({
      outcome: 'subscription-ended',
    });
    expect(await sql`select 1 from digests where subscription_id = ${subscription.id}`).toHaveLength(0);
  });
});
