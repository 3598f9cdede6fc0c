import { createDeps } from '@heard/db';
import { buildCustomer, buildInsight, buildPerson, useTestDatabase } from '@heard/db/testing';
import { decideCustomerReview, mergeCustomers, type Person, unmergeCustomers } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';

const database = useTestDatabase();
let curator: Person;
let frontline: Person;

beforeAll(async () => {
  curator = await buildPerson(database.sql(), { roles: ['curator'] });
  frontline = await buildPerson(database.sql());
});

/** Everything a merge may touch, as rows, in a stable order. */
async function snapshot(ids: string[]) {
  const sql = database.sql();
  return {
    customers:
      await sql`select id, name, kind, segment, value, name_key from customers where id = any(${ids}::uuid[]) order by id`,
    identifiers:
      await sql`select customer_id, system, value, source from customer_identifiers where customer_id = any(${ids}::uuid[]) order by system, value`,
    links:
      await sql`select insight_id, customer_id from insight_customers where customer_id = any(${ids}::uuid[]) order by insight_id, customer_id`,
    evidence:
      await sql`select id, insight_id, customer_id from evidence where customer_id = any(${ids}::uuid[]) order by id`,
    values:
      await sql`select id, customer_value from insights i where exists (select 1 from insight_customers ic where ic.insight_id = i.id and ic.customer_id = any(${ids}::uuid[])) order by id`,
  };
}

/** Two records of one customer: each with identifiers, an insight of its own, one they share, and evidence. */
async function twoRecords() {
  const sql = database.sql();
  const survivor = await buildCustomer(sql, {
    name: 'Acme Inc',
    segment: null,
    value: null,
    identifiers: [{ system: 'crm', value: `C-${Math.random()}` }],
  });
  const merged = await buildCustomer(sql, {
    name: 'ACME GmbH',
    segment: 'Enterprise',
    value: 90_000,
    identifiers: [
      { system: 'support', value: `S-${Math.random()}` },
      { system: 'email', value: `ops${Math.random()}@acme.io` },
    ],
  });
  const own = await buildInsight(sql, { reporterId: frontline.id, customerIds: [merged.id] });
  const shared = await buildInsight(sql, { reporterId: frontline.id, customerIds: [survivor.id, merged.id] });
  const other = await buildInsight(sql, { reporterId: frontline.id, customerIds: [survivor.id] });
  const [evidence] = await sql`
    insert into evidence (insight_id, customer_id, added_by, note) values (${other.id}, ${merged.id}, ${frontline.id}, 'them too') returning id`;
  await sql`
    insert into stories (insight_id, headline, summary, status, curator_id, published_at)
    values (${own.id}, 'Acme exports by hand', 'Every Friday', 'published', ${curator.id}, now())`;
  return { survivor, merged, own, shared, other, evidenceId: evidence!.id as string };
}

describe('merging and unmerging customers', () => {
  it('moves identifiers, insights, evidence and stories to the survivor, and the unmerge restores every row exactly', async () => {
    const sql = database.sql();
    const deps = createDeps(sql);
    const { survivor, merged, own, shared, evidenceId } = await twoRecords();
    const before = await snapshot([survivor.id, merged.id]);

    const merge = await mergeCustomers(deps, {
      actor: curator,
      survivorId: survivor.id,
      mergedId: merged.id,
    });
    expect(merge.insightIds.sort()).toEqual([own.id, shared.id].sort());
    const after = await snapshot([survivor.id, merged.id]);
    expect(after.customers.map((c) => c.id)).toEqual([survivor.id]);
    expect(after.customers[0]).toMatchObject({ segment: 'Enterprise', value: '90000.00' });
    expect(after.identifiers.every((i) => i.customer_id === survivor.id)).toBe(true);
    expect(after.identifiers).toHaveLength(3);
    expect(after.links.filter((l) => l.insight_id === shared.id)).toHaveLength(1);
    expect(after.links.some((l) => l.insight_id === own.id && l.customer_id === survivor.id)).toBe(true);
    expect(after.evidence).toEqual([expect.objectContaining({ id: evidenceId, customer_id: survivor.id })]);
    const [story] = await sql`
      select s.headline from stories s join insight_customers ic on ic.insight_id = s.insight_id where ic.customer_id = ${survivor.id}`;
    expect(story?.headline).toBe('Acme exports by hand');
    expect(after.values.every((v) => Number(v.customer_value) === 90_000)).toBe(true);

    await unmergeCustomers(deps, { actor: curator, mergeId: merge.id });
    expect(await snapshot([survivor.id, merged.id])).toEqual(before);
    const audit =
      await sql`select action from audit_events where details ->> 'mergeId' = ${merge.id} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['customer.merged', 'customer.unmerged']);
  });

  it('undoes a merge once, and only after undoing a later merge of the survivor', async () => {
    const deps = createDeps(database.sql());
    const { survivor, merged } = await twoRecords();
    const third = await buildCustomer(database.sql(), { name: 'Acme Holdings' });
    const first = await mergeCustomers(deps, {
      actor: curator,
      survivorId: survivor.id,
      mergedId: merged.id,
    });
    const second = await mergeCustomers(deps, {
      actor: curator,
      survivorId: third.id,
      mergedId: survivor.id,
    });
    await expect(unmergeCustomers(deps, { actor: curator, mergeId: first.id })).rejects.toMatchObject({
      code: 'CUSTOMER.UNMERGE_REFUSED',
      message: expect.stringContaining('undo that merge first'),
    });
    await unmergeCustomers(deps, { actor: curator, mergeId: second.id });
    await unmergeCustomers(deps, { actor: curator, mergeId: first.id });
    await expect(unmergeCustomers(deps, { actor: curator, mergeId: first.id })).rejects.toMatchObject({
      message: 'That merge was already undone.',
    });
  });

  it('keeps what was added to the survivor after the merge when undoing it', async () => {
    const sql = database.sql();
    const deps = createDeps(sql);
    const { survivor, merged } = await twoRecords();
    const merge = await mergeCustomers(deps, {
      actor: curator,
      survivorId: survivor.id,
      mergedId: merged.id,
    });
    const later = await buildInsight(sql, { reporterId: frontline.id, customerIds: [survivor.id] });
    await sql`insert into customer_identifiers (customer_id, system, value) values (${survivor.id}, 'billing', ${`B-${later.id}`})`;
    await unmergeCustomers(deps, { actor: curator, mergeId: merge.id });
    const [link] = await sql`select customer_id from insight_customers where insight_id = ${later.id}`;
    expect(link?.customer_id).toBe(survivor.id);
    const [billing] =
      await sql`select customer_id from customer_identifiers where value = ${`B-${later.id}`}`;
    expect(billing?.customer_id).toBe(survivor.id);
  });

  it('refuses merges by people who do not curate, and a customer merged into itself', async () => {
    const deps = createDeps(database.sql());
    const { survivor, merged } = await twoRecords();
    await expect(
      mergeCustomers(deps, { actor: frontline, survivorId: survivor.id, mergedId: merged.id }),
    ).rejects.toMatchObject({
      code: 'CUSTOMER.NOT_CURATOR',
    });
    await expect(
      mergeCustomers(deps, { actor: curator, survivorId: survivor.id, mergedId: survivor.id }),
    ).rejects.toMatchObject({
      code: 'CUSTOMER.MERGE_SELF',
    });
  });

  it('confirming a pair from the review queue merges the newcomer into the known customer; rejecting keeps both', async () => {
    const sql = database.sql();
    const deps = createDeps(sql);
    const { survivor, merged } = await twoRecords();
    const [review] = await sql`
      insert into customer_reviews (customer_id, candidate_id, score, reasons, source)
      values (${merged.id}, ${survivor.id}, 0.7, '["names 70% alike"]', 'test') returning id`;
    const { merge } = await decideCustomerReview(deps, {
      actor: curator,
      reviewId: review!.id,
      decision: 'confirm',
    });
    expect(merge).toMatchObject({ survivorId: survivor.id, mergedId: merged.id });
    await expect(
      decideCustomerReview(deps, { actor: curator, reviewId: review!.id, decision: 'reject' }),
    ).rejects.toMatchObject({
      code: 'CUSTOMER.REVIEW_DECIDED',
    });
    const other = await twoRecords();
    const [second] = await sql`
      insert into customer_reviews (customer_id, candidate_id, score, reasons, source)
      values (${other.merged.id}, ${other.survivor.id}, 0.6, '[]', 'test') returning id`;
    expect(
      (await decideCustomerReview(deps, { actor: curator, reviewId: second!.id, decision: 'reject' })).merge,
    ).toBeNull();
    const [kept] =
      await sql`select count(*)::int as n from customers where id = any(${[other.merged.id, other.survivor.id]}::uuid[])`;
    expect(kept?.n).toBe(2);
    const [status] = await sql`select status from customer_reviews where id = ${second!.id}`;
    expect(status?.status).toBe('rejected');
  });
});
