import { type Customer, type Goal, type Person, readScopeFor, type Team } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInsightRepository } from '../repositories/insight.repository';
import { buildCustomer, buildGoal, buildInsight, buildPerson, buildTeam, useTestDatabase } from '../testing';
import { loadCustomerPage } from './customers.query';

const db = useTestDatabase();
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

let billing: Team;
let sam: Person;
let bea: Person;
let acme: Customer;
let kestrel: Customer;
let goal: Goal;
const ids: Record<'about' | 'evidence' | 'billingOnly' | 'story', string> = {} as never;

beforeAll(async () => {
  const sql = db.sql();
  billing = await buildTeam(sql, { name: 'Billing' });
  const support = await buildTeam(sql, { name: 'Support' });
  sam = await buildPerson(sql, { name: 'Sam', teamId: support.id });
  bea = await buildPerson(sql, { name: 'Bea', teamId: billing.id });
  acme = await buildCustomer(sql, {
    name: 'Acme',
    segment: 'Mid-market',
    value: 48_000,
    identifiers: [
      { system: 'support', value: '18841' },
      { system: 'crm', value: 'C-1042' },
      { system: 'domain', value: 'acme.example' },
    ],
  });
  kestrel = await buildCustomer(sql, { name: 'Kestrel' });
  goal = await buildGoal(sql, { title: 'Halve billing complaints' });
  const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY);
  const repo = createInsightRepository(sql);
  ids.about = (await buildInsight(sql, { title: 'About Acme', customerIds: [acme.id], createdAt: at(4) })).id;
  ids.evidence = (
    await buildInsight(sql, { title: 'About Kestrel, Acme too', customerIds: [kestrel.id], createdAt: at(3) })
  ).id;
  await repo.addEvidence({
    insightId: ids.evidence,
    customerId: acme.id,
    addedBy: sam.id,
    note: 'Heard the same at Acme.',
    createdAt: at(2),
  });
  ids.billingOnly = (
    await buildInsight(sql, {
      title: 'Billing-only about Acme',
      customerIds: [acme.id],
      visibility: { scope: 'team', teamId: billing.id },
      createdAt: at(2),
    })
  ).id;
  ids.story = (
    await buildInsight(sql, { title: 'Acme loves it', customerIds: [acme.id], createdAt: at(1) })
  ).id;
  const story = { headline: 'Acme, in their words', summary: 'Why', pullQuote: 'Finally.', heroMedia: null };
  await repo.setStory(
    ids.story,
    { ...story, status: 'published', curatorId: bea.id, publishedAt: at(0) },
    at(0),
  );
  const action = async (title: string, status: string, cited: string[]) => {
    const [row] =
      await sql`insert into actions (goal_id, title, assignee_id, assigned_by, status, cited_insight_ids)
      values (${goal.id}, ${title}, ${bea.id}, ${goal.ownerId}, ${status}, ${cited}::uuid[]) returning id`;
    return row!.id as string;
  };
  const done = await action('Explain seats on the invoice', 'done', [ids.about]);
  await sql`insert into evaluations (action_id, goal_id, result, kpi_value, note, evaluator_id, evaluated_at)
    values (${done}, ${goal.id}, 'better', 95, 'Acme stopped calling about invoices.', ${goal.ownerId}, ${at(0)})`;
  await action('Quietly credit Acme', 'open', [ids.billingOnly]);
  await action('Review both complaints', 'in_progress', [ids.billingOnly, ids.evidence]);
});

describe('the customer page read model', () => {
  it('gives the customer with every identifier, sorted by system', async () => {
    const page = await loadCustomerPage(db.sql(), readScopeFor(sam), acme.id);
    expect(page?.customer).toMatchObject({ name: 'Acme', segment: 'Mid-market', value: 48_000 });
    expect(page?.customer.identifiers).toEqual([
      { system: 'crm', value: 'C-1042' },
      { system: 'domain', value: 'acme.example' },
      { system: 'support', value: '18841' },
    ]);
  });

  it('lists readable insights about the customer or citing them as evidence, newest first', async () => {
    const page = (await loadCustomerPage(db.sql(), readScopeFor(sam), acme.id))!;
    expect(page.insights.map((i) => [i.title, i.relation, i.evidenceNote])).toEqual([
      ['Acme loves it', 'subject', null],
      ['About Kestrel, Acme too', 'evidence', 'Heard the same at Acme.'],
      ['About Acme', 'subject', null],
    ]);
    expect(page.insightTotal).toBe(3);
    expect(page.insights[0]!.story).toMatchObject({
      headline: 'Acme, in their words',
      pullQuote: 'Finally.',
    });
    const insider = (await loadCustomerPage(db.sql(), readScopeFor(bea), acme.id))!;
    expect(insider.insights.map((i) => i.title)).toContain('Billing-only about Acme');
    expect(insider.insightTotal).toBe(4);
  });

  it('lists only actions citing an insight the reader may read, naming only those, with evaluations', async () => {
    const page = (await loadCustomerPage(db.sql(), readScopeFor(sam), acme.id))!;
    expect(page.actions.map((a) => [a.title, a.status, a.cites.map((c) => c.title)])).toEqual([
      ['Review both complaints', 'in_progress', ['About Kestrel, Acme too']],
      ['Explain seats on the invoice', 'done', ['About Acme']],
    ]);
    expect(page.actions[1]!.evaluations).toMatchObject([
      { result: 'better', kpiValue: 95, note: 'Acme stopped calling about invoices.' },
    ]);
    const insider = (await loadCustomerPage(db.sql(), readScopeFor(bea), acme.id))!;
    expect(insider.actions.map((a) => a.title)).toContain('Quietly credit Acme');
  });

  it('answers null for an unknown or malformed id', async () => {
    const scope = readScopeFor(sam);
    expect(await loadCustomerPage(db.sql(), scope, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await loadCustomerPage(db.sql(), scope, 'acme')).toBeNull();
  });
});
