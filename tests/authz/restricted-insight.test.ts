import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useWebHub } from '../support/web-hub';
import { type Fixtures, insertRestrictedInsight, setUpFixtures } from './fixtures';
import type { Actor } from './route-table';

const hub = useWebHub();
let f: Fixtures;
beforeAll(async () => {
  f = await setUpFixtures(hub);
});

/** Signed in, but outside the restricted insight's audience. */
const OUTSIDE: Actor[] = ['curator', 'leader', 'stranger'];
/** Its reporter, its named reader and an admin: the same pages must show it to them, or the test proves nothing. */
const INSIDE: Actor[] = ['frontline', 'owner', 'admin'];

const page = async (actor: Actor, path: string) => {
  const response = await hub.get(path, await f.cookieFor(actor));
  expect(response.status, `${path} as ${actor}`).toBe(200);
  return response.text();
};
const api = async (actor: Actor, path: string) => {
  const response = await hub.app.request(`${ORIGIN}/api/v1${path}`, {
    headers: { authorization: `Bearer ${f.tokenFor(actor)}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
};
const customerTotal = (html: string) => Number(/<dt>Insights<\/dt><dd>(\d+)<\/dd>/.exec(html)?.[1]);
const searchTotal = (html: string) =>
  /Nothing you can see matches|Nothing matches/.test(html) ? 0 : Number(/>(\d+) insights?</.exec(html)?.[1]);
const waiting = (html: string) => Number(/(\d+) new insights? waits? for triage/.exec(html)?.[1] ?? 0);

const similarPath = `/similar?text=${encodeURIComponent('told us in confidence they are talking to a competitor')}`;

describe('a restricted insight stays with its audience', () => {
  const feedPaths = () => [
    '/',
    '/?sort=evidence',
    '/?sort=reactions',
    '/?sort=value',
    `/?tag=${f.restrictedTag}`,
    `/?customer=${f.customerId}`,
    `/?goal=${f.goalId}`,
    '/?kind=churn_risk',
  ];

  it('never appears in the feed, however it is sorted or filtered', async () => {
    for (const actor of OUTSIDE)
      for (const path of feedPaths()) {
        const html = await page(actor, path);
        expect(html, `${path} as ${actor}`).not.toContain(f.restrictedInsightId);
        expect(html, `${path} as ${actor}`).not.toContain(f.restrictedWord);
      }
    for (const actor of INSIDE)
      expect(await page(actor, `/?customer=${f.customerId}`)).toContain(f.restrictedInsightId);
  });

  it('is never found, nor counted, by search, facets or "similar"', async () => {
    for (const actor of OUTSIDE) {
      const byWord = await page(actor, `/search?q=${f.restrictedWord}`);
      expect(byWord).not.toContain(f.restrictedInsightId);
      expect(searchTotal(byWord)).toBe(0);
      const byCustomer = await page(actor, `/search?customer=${f.customerId}`);
      expect(searchTotal(byCustomer)).toBe(1);
      expect(byCustomer).not.toContain(f.restrictedTag);
      expect(await page(actor, similarPath)).not.toContain(f.restrictedInsightId);
    }
    for (const actor of INSIDE) {
      expect(searchTotal(await page(actor, `/search?q=${f.restrictedWord}`))).toBe(1);
      const byCustomer = await page(actor, `/search?customer=${f.customerId}`);
      expect(searchTotal(byCustomer)).toBe(2);
      expect(byCustomer).toContain(f.restrictedTag);
      expect(await page(actor, similarPath)).toContain(f.restrictedInsightId);
    }
  });

  it('is left out of the customer page, the goal page and their counts', async () => {
    for (const actor of OUTSIDE) {
      const customer = await page(actor, `/customers/${f.customerId}`);
      expect(customerTotal(customer)).toBe(1);
      expect(customer).not.toContain(f.restrictedInsightId);
      expect(await page(actor, `/goals/${f.goalId}`)).not.toContain(f.restrictedInsightId);
    }
    for (const actor of INSIDE) {
      expect(customerTotal(await page(actor, `/customers/${f.customerId}`))).toBe(2);
      expect(await page(actor, `/goals/${f.goalId}`)).toContain(f.restrictedInsightId);
    }
  });

  it('is not listed by the API', async () => {
    for (const actor of OUTSIDE) {
      expect(await api(actor, `/insights?customer=${f.customerId}`)).toEqual([f.openInsightId]);
      expect(await api(actor, `/insights?tag=${f.restrictedTag}`)).toEqual([]);
    }
    for (const actor of INSIDE)
      expect(await api(actor, `/insights?tag=${f.restrictedTag}`)).toEqual([f.restrictedInsightId]);
  });

  it('does not add to the curation queue of a curator outside it', async () => {
    const curatorBefore = waiting(await page('curator', '/curation'));
    const adminBefore = waiting(await page('admin', '/curation'));
    const another = await insertRestrictedInsight(hub, {
      reporterId: f.personIds.stranger,
      readerIds: [f.personIds.owner],
      word: 'wallabysecret',
      tag: 'wallaby-confidential',
      goalId: f.goalId,
      customerId: f.customerId,
    });
    const curatorHtml = await page('curator', '/curation');
    expect(waiting(curatorHtml)).toBe(curatorBefore);
    expect(curatorHtml).not.toContain(another);
    expect(waiting(await page('admin', '/curation'))).toBe(adminBefore + 1);
  });
});
