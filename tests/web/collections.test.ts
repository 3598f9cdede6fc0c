import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let lea: string;
let sam: string;
let collectionId: string;

const order = async () =>
  (
    await hub.db
      .sql`select insight_id from collection_items where collection_id = ${collectionId} order by position`
  ).map((r) => r.insight_id as string);

beforeAll(async () => {
  lea = await hub.signIn('lea.moreau@example.com');
  sam = await hub.signIn('sam.carter@example.com');
  const [collection] = await hub.db.sql`select id from collections where published_at is not null limit 1`;
  collectionId = collection!.id;
});

describe('ordering a collection’s stories', () => {
  it('offers curators Earlier / Later buttons and drag and drop; others read the order only', async () => {
    const page = await (await hub.get('/stories', lea)).text();
    expect(page).toContain('draggable="true"');
    expect(page).toMatch(/aria-label="Move “[^”]+” later"/);
    const reader = await (await hub.get('/stories', sam)).text();
    expect(reader).not.toContain('draggable="true"');
    expect(reader).not.toContain('Later →');
  });

  it('moves a story one step with the buttons, and stores a dragged order', async () => {
    const before = await order();
    expect(before.length).toBeGreaterThan(1);
    const down = await hub.post(
      '/stories',
      { intent: 'down', collectionId, insightId: before[0]!, insightIds: before },
      lea,
    );
    expect(down.status).toBe(200);
    expect(await order()).toEqual([before[1], before[0], ...before.slice(2)]);
    const reversed = [...before].reverse();
    await hub.post('/stories', { intent: 'reorder', collectionId, insightIds: reversed }, lea);
    expect(await order()).toEqual(reversed);
    const html = await (await hub.get('/stories', sam)).text();
    const positions = reversed.map((id) =>
      html.indexOf(`/insights/${id}"`, html.indexOf('class="collection"')),
    );
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('refuses an order that does not match the collection, and anyone who is not a curator', async () => {
    const before = await order();
    const stale = await hub.post(
      '/stories',
      { intent: 'reorder', collectionId, insightIds: before.slice(1) },
      lea,
    );
    expect(stale.status).toBe(409);
    expect(await order()).toEqual(before);
    const forbidden = await hub.post(
      '/stories',
      { intent: 'reorder', collectionId, insightIds: before },
      sam,
    );
    expect(forbidden.status).toBe(403);
  });
});
