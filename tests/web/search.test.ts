import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub({ worker: true });
let sam: string;
let chloe: string;

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
});

const titlesIn = (html: string) => [...html.matchAll(/class="hit-title"[^>]*>([^<]+)</g)].map((m) => m[1]);

describe('searching from the web hub', () => {
  it('offers a search box in the header of every page', async () => {
    expect(await (await hub.get('/', sam)).text()).toContain('action="/search"');
  });

  it('finds what a colleague posted, with the match highlighted and facets counted', async () => {
    await hub.post(
      '/post',
      {
        body: 'Wombat Analytics cannot export invoices as PDF.',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'everyone',
      },
      sam,
    );
    await expect
      .poll(async () => titlesIn(await (await hub.get('/search?q=wombat', chloe)).text()), {
        timeout: 10_000,
      })
      .toContain('Wombat Analytics cannot export invoices as PDF.');
    const html = await (await hub.get('/search?q=wombat', chloe)).text();
    expect(html).toMatch(/<mark>Wombat<\/mark>/i);
    expect(html).toContain('Kind');
  });

  it('never shows a restricted insight to someone outside it, even searched by its own words', async () => {
    await hub.post(
      '/post',
      {
        body: 'Platypus Freight confidential renewal terms.',
        kind: 'churn_risk',
        sentiment: 'negative',
        visibility: 'team',
      },
      sam,
    );
    await expect
      .poll(async () => titlesIn(await (await hub.get('/search?q=platypus', sam)).text()), {
        timeout: 10_000,
      })
      .toHaveLength(1);
    const outsider = await (await hub.get('/search?q=platypus', chloe)).text();
    expect(titlesIn(outsider)).toEqual([]);
    expect(outsider).not.toContain('Platypus');
  });

  it('narrows by a facet and keeps the words', async () => {
    const html = await (await hub.get('/search?q=invoice&kind=pain', sam)).text();
    expect(html).toContain('value="invoice"');
    expect(html).toMatch(/class="facet active"/);
  });

  it('sends visitors without a session to sign in', async () => {
    expect((await hub.get('/search?q=invoice')).status).toBe(302);
  });
});

describe('searching a period', () => {
  it('keeps only insights from the chosen dates, both days included', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const html = await (await hub.get(`/search?q=&from=${today}&to=${today}&sort=newest`, sam)).text();
    const [{ n } = { n: 0 }] = await hub.db.sql`
      select count(*)::int as n from insights where created_at >= ${today}::date and visibility_scope = 'everyone'`;
    expect(html).toContain(`value="${today}"`);
    expect(titlesIn(html).length).toBeGreaterThanOrEqual(Math.min(n, 20));
    const none = await (await hub.get('/search?q=&from=2001-01-01&to=2001-01-02', sam)).text();
    expect(titlesIn(none)).toEqual([]);
  });
});
