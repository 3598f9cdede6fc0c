import { buildCustomer, buildGoal, buildInsight, buildPerson } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
const TITLE = 'Win back the largest accounts';
let sam: string;
let maya: string;

/** The goals in the order the page lists them, with the customer value shown for each. */
async function goalsShown(path: string, cookie: string) {
  const html = await (await hub.get(path, cookie)).text();
  const cards = html.split('class="panel goal-card"').slice(1);
  return cards.map((card) => ({
    title: card.match(/<a href="\/goals\/[^"]+"[^>]*>([^<]+)<\/a>/)![1]!,
    value: Number(card.match(/Customer value behind it: <strong>([\d,]+)<\/strong>/)![1]!.replace(/,/g, '')),
    customers: Number(card.match(/(\d+) customers?/)![1]),
    insights: Number(card.match(/(\d+) insights?/)![1]),
  }));
}

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  maya = await hub.signIn('maya.lindqvist@example.com');
  const sql = hub.db.sql;
  // Due last of all, so the usual order puts it at the end of the active goals.
  const goal = await buildGoal(sql, { title: TITLE, kpi: { dueDate: '2099-12-31' } });
  const big = await buildCustomer(sql, { name: 'Borealis Shipping', value: 50_000_000 });
  const mid = await buildCustomer(sql, { name: 'Cobalt Mining', value: 10_000_000 });
  const secret = await buildCustomer(sql, { name: 'Quiet Holdings', value: 500_000_000 });
  const link = (insightId: string) =>
    sql`insert into insight_goals (insight_id, goal_id, linked_by) select ${insightId}, ${goal.id}, reporter_id from insights where id = ${insightId}`;
  // Borealis is behind two insights: counted once.
  for (const customerIds of [[big.id], [big.id, mid.id]])
    await link((await buildInsight(sql, { customerIds })).id);
  // An insight only one named person may read: its customer counts for admins, not for Sam.
  const named = await buildPerson(sql);
  const restricted = await buildInsight(sql, {
    customerIds: [secret.id],
    visibility: { scope: 'people', personIds: [named.id] },
  });
  await link(restricted.id);
});

describe('goals ranked by the value of the customers behind them', () => {
  it('keeps the usual order by default and shows each goal its customer value', async () => {
    const goals = await goalsShown('/goals', sam);
    expect(goals.length).toBeGreaterThan(2);
    const ours = goals.findIndex((g) => g.title === TITLE);
    expect(goals[ours]).toMatchObject({ value: 60_000_000, customers: 2, insights: 2 });
    expect(goals.slice(ours + 1).every((g) => g.value < 60_000_000)).toBe(true);
    expect(ours).toBeGreaterThan(0);
  });

  it('sorts by the sum of distinct customers’ value, over the insights the reader may read', async () => {
    const goals = await goalsShown('/goals?sort=customer_value', sam);
    expect(goals[0]).toEqual({ title: TITLE, value: 60_000_000, customers: 2, insights: 2 });
    const values = goals.map((g) => g.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values.some((v, i) => i > 0 && v > 0)).toBe(true);

    const html = await (await hub.get('/goals?sort=customer_value', sam)).text();
    expect(html).toMatch(/aria-current="page"[^>]*>By customer value</);

    // An admin may read the restricted insight, so its customer counts too.
    const [first] = await goalsShown('/goals?sort=customer_value', maya);
    // The restricted insight is counted for the admin only: a count must not give it away.
    expect(first).toEqual({ title: TITLE, value: 560_000_000, customers: 3, insights: 3 });
  });
});
