import { buildInsight } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let sam: string;
let priya: string;
let billingTeamId: string;

/** Text as React writes it into the page. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

/** A seeded customer known to the CRM, a domain and the support desk, with something heard about them. */
async function wellKnownCustomer() {
  const [row] = await hub.db.sql`
    select c.id, c.name, c.segment from customers c
    where (select count(distinct system) from customer_identifiers ci where ci.customer_id = c.id) >= 3
      and exists (select 1 from customer_identifiers ci where ci.customer_id = c.id and ci.system = 'support')
      and exists (select 1 from insight_customers ic join insights i on i.id = ic.insight_id
                  where ic.customer_id = c.id and i.visibility_scope = 'everyone')
    order by c.name limit 1`;
  return row as { id: string; name: string; segment: string };
}

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  priya = await hub.signIn('priya.raman@example.com');
  const [billing] = await hub.db.sql`select id from teams where slug = 'billing'`;
  billingTeamId = billing!.id;
});

describe('the customer page', () => {
  it('shows who the customer is, every identifier with its system, and what was heard, newest first', async () => {
    const customer = await wellKnownCustomer();
    const response = await hub.get(`/customers/${customer.id}`, sam);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(html(customer.name));
    expect(page).toContain(html(customer.segment));
    const identifiers = await hub.db
      .sql`select system, value from customer_identifiers where customer_id = ${customer.id}`;
    for (const id of identifiers) expect(page).toContain(`${id.system}<!-- -->:<!-- -->${html(id.value)}`);
    const heard = await hub.db.sql`
      select i.id from insights i
      where i.visibility_scope = 'everyone'
        and (exists (select 1 from insight_customers ic where ic.insight_id = i.id and ic.customer_id = ${customer.id})
             or exists (select 1 from evidence e where e.insight_id = i.id and e.customer_id = ${customer.id}))
      order by i.created_at desc, i.id desc`;
    const positions = heard.map((i) => page.indexOf(`class="heard-title" href="/insights/${i.id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('lists insights where the customer is further evidence, and the actions that cite them with evaluations', async () => {
    const [cited] = await hub.db.sql`
      select ic.customer_id, a.title, e.note, i.id as insight_id from actions a
      join evaluations e on e.action_id = a.id
      join insights i on i.id = any(a.cited_insight_ids) and i.visibility_scope = 'everyone'
      join insight_customers ic on ic.insight_id = i.id
      order by a.title limit 1`;
    const page = await (await hub.get(`/customers/${cited!.customer_id}`, sam)).text();
    expect(page).toContain(html(cited!.title));
    expect(page).toContain(html(cited!.note));

    const [evidence] = await hub.db.sql`
      select e.customer_id, e.insight_id from evidence e join insights i on i.id = e.insight_id
      where i.visibility_scope = 'everyone'
        and not exists (select 1 from insight_customers ic where ic.insight_id = i.id and ic.customer_id = e.customer_id)
      limit 1`;
    const evidencePage = await (await hub.get(`/customers/${evidence!.customer_id}`, sam)).text();
    expect(evidencePage).toContain(`href="/insights/${evidence!.insight_id}"`);
    expect(evidencePage).toContain('They said it too');
  });

  it('never lists a team-restricted insight, nor an action citing only it, to someone outside the team', async () => {
    const customer = await wellKnownCustomer();
    const [other] = await hub.db.sql`select id from customers where id <> ${customer.id} limit 1`;
    const secret = await buildInsight(hub.db.sql, {
      title: 'Billing-only: they dispute last quarter’s credit note',
      customerIds: [customer.id],
      visibility: { scope: 'team', teamId: billingTeamId },
    });
    const secretEvidence = await buildInsight(hub.db.sql, {
      title: 'Billing-only: a refund was promised off the record',
      customerIds: [other!.id],
      visibility: { scope: 'team', teamId: billingTeamId },
    });
    const [person] = await hub.db.sql`select id from people where email = 'priya.raman@example.com'`;
    await hub.db.sql`insert into evidence (insight_id, customer_id, added_by)
                     values (${secretEvidence.id}, ${customer.id}, ${person!.id})`;
    const [goal] = await hub.db.sql`select id from goals where title = 'Halve billing complaints by Q3'`;
    await hub.db.sql`insert into actions (goal_id, title, assignee_id, assigned_by, cited_insight_ids)
      values (${goal!.id}, 'Settle the credit-note dispute quietly', ${person!.id}, ${person!.id},
              ${[secret.id]}::uuid[])`;

    const outsider = await (await hub.get(`/customers/${customer.id}`, sam)).text();
    expect(outsider).not.toContain(secret.id);
    expect(outsider).not.toContain(secretEvidence.id);
    expect(outsider).not.toContain('Billing-only');
    expect(outsider).not.toContain('Settle the credit-note dispute quietly');

    const insider = await (await hub.get(`/customers/${customer.id}`, priya)).text();
    expect(insider).toContain(`href="/insights/${secret.id}"`);
    expect(insider).toContain(`href="/insights/${secretEvidence.id}"`);
    expect(insider).toContain('Settle the credit-note dispute quietly');
  });

  it('answers 404 for an unknown customer, and for an id that is not one', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-customer']) {
      const response = await hub.get(`/customers/${id}`, sam);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('No customer has that id.');
    }
  });

  it('is where the customer chips on the feed lead', async () => {
    const feed = await (await hub.get('/', sam)).text();
    expect(feed).toMatch(/class="chip chip-customer" href="\/customers\/[0-9a-f-]{36}"/);
    expect(feed).not.toContain('/?customer=');
  });
});
