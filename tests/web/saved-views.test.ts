import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let sam: string;
let chloe: string;

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
});

describe('saved views on the feed', () => {
  it('names the current filters and sort, lists them on the feed and opens them in one click', async () => {
    const filtered = await (await hub.get('/?kind=pain&sort=evidence&after=x&posted=1', sam)).text();
    expect(filtered).toContain('Save this view as');
    expect(filtered).toContain('name="query" value="kind=pain&amp;sort=evidence"');
    const saved = await hub.post(
      '/saved-views',
      { intent: 'save', name: 'Pains by evidence', query: 'kind=pain&sort=evidence&page=3' },
      sam,
    );
    expect(saved.status).toBe(302);
    const location = saved.headers.get('location')!;
    expect(location).toMatch(/^\/\?kind=pain&sort=evidence&view=/);
    const feed = await (await hub.get('/', sam)).text();
    expect(feed).toContain('Pains by evidence');
    expect(feed).toContain('href="/?kind=pain&amp;sort=evidence&amp;view=');
    expect(await (await hub.get('/', chloe)).text()).not.toContain('Pains by evidence');
  });

  it('refuses a name already used, next to the field, keeping what was typed and the filters', async () => {
    await hub.post('/saved-views', { intent: 'save', name: 'Churn', query: 'kind=churn_risk' }, sam);
    const again = await hub.post(
      '/saved-views',
      { intent: 'save', name: 'churn', query: 'kind=churn_risk&sentiment=negative' },
      sam,
    );
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain('You already have a view named &quot;churn&quot;: pick another name.');
    expect(html).toContain('value="churn"');
    expect(html).toContain('value="kind=churn_risk&amp;sentiment=negative"');
    const empty = await hub.post('/saved-views', { intent: 'save', name: '  ', query: '' }, sam);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('The name is empty: write something.');
  });

  it('deletes only the person’s own views', async () => {
    await hub.post('/saved-views', { intent: 'save', name: 'Mine to delete', query: 'source=slack' }, sam);
    const [view] = await hub.db.sql`select id from saved_views where name = 'Mine to delete'`;
    const other = await hub.post('/saved-views', { intent: 'delete', viewId: view!.id }, chloe);
    expect(other.status).toBe(404);
    const own = await hub.post('/saved-views', { intent: 'delete', viewId: view!.id }, sam);
    expect(own.status).toBe(302);
    expect(await hub.db.sql`select 1 from saved_views where id = ${view!.id}`).toHaveLength(0);
    expect(await (await hub.get('/saved-views', sam)).text()).not.toContain('Mine to delete');
  });
});
