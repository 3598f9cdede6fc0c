import { createRepositories } from '@heard/db';
import { canReadInsight } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createApiToken } from '../support/api';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let sam: ReturnType<typeof apiClient>;
let chloe: ReturnType<typeof apiClient>;
let supportTeamId: string;
let customerId: string;

const valid = {
  body: 'Acme was charged twice after upgrading mid-month.',
  kind: 'pain',
  sentiment: 'negative',
};

async function counts() {
  const [row] = await hub.db.sql`
    select (select count(*) from insights)::int as insights, (select count(*) from evidence)::int as evidence,
           (select count(*) from audit_events where action = 'insight.posted')::int as audits`;
  return row;
}

beforeAll(async () => {
  sam = apiClient(hub, await createApiToken(hub, 'sam.carter@example.com'));
  chloe = apiClient(hub, await createApiToken(hub, 'chloe.dubois@example.com'));
  const [team] = await hub.db.sql`select id from teams where slug = 'support'`;
  const [customer] = await hub.db.sql`select id from customers order by name limit 1`;
  supportTeamId = team!.id as string;
  customerId = customer!.id as string;
});

describe('posting insights through the API', () => {
  it('posts as the token’s person with source api, answering 201 with the insight', async () => {
    const answer = await sam.post('/insights', {
      ...valid,
      title: 'Double charge on upgrade',
      tags: ['Billing', '#proration'],
      customerIds: [customerId],
      source: { url: 'https://crm.example.com/notes/1', externalId: 'crm-note-1' },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`/api/v1/insights/${answer.body.id}`);
    expect(answer.body).toMatchObject({
      title: 'Double charge on upgrade',
      kind: 'pain',
      source: { kind: 'api', url: 'https://crm.example.com/notes/1' },
      reporter: { name: 'Sam Carter' },
      customers: [{ id: customerId }],
      tags: ['billing', 'proration'],
      visibility: { scope: 'everyone' },
      triage: 'new',
    });
    const [row] = await hub.db
      .sql`select source_kind, source_external_id from insights where id = ${answer.body.id}`;
    expect(row).toEqual({ source_kind: 'api', source_external_id: 'crm-note-1' });
  });

  it('answers a retry with the same externalId with 200 and the first insight, storing nothing more', async () => {
    const first = await sam.post('/insights', { ...valid, source: { externalId: 'retry-me' } });
    const before = await counts();
    const again = await sam.post('/insights', {
      ...valid,
      body: 'Changed text',
      source: { externalId: 'retry-me' },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.body).toBe(valid.body);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['malformed JSON', null, 400, 'REQUEST.MALFORMED_JSON', undefined],
    ['a missing body', { kind: 'pain', sentiment: 'negative' }, 400, 'REQUEST.INVALID', 'body'],
    ['an unknown kind', { ...valid, kind: 'rumour' }, 400, 'REQUEST.INVALID', 'kind'],
    ['an unknown field', { ...valid, customerId: 'x' }, 400, 'REQUEST.INVALID', 'customerId'],
    [
      'a javascript: source link',
      { ...valid, source: { url: 'javascript:alert(1)' } },
      400,
      'REQUEST.INVALID',
      'source.url',
    ],
    ['a malformed goal id', { ...valid, goalIds: ['nope'] }, 400, 'REQUEST.INVALID', 'goalIds.0'],
    ['an empty text', { ...valid, body: '   ' }, 422, 'INSIGHT.BODY.EMPTY', 'body'],
    ['a text over the limit', { ...valid, body: 'a'.repeat(20_001) }, 422, 'INSIGHT.BODY.TOO_LONG', 'body'],
    [
      'an unknown goal',
      { ...valid, goalIds: ['00000000-0000-4000-8000-000000000000'] },
      422,
      'INSIGHT.UNKNOWN_GOAL',
      'goalIds',
    ],
    [
      'an audience of nobody',
      { ...valid, visibility: { scope: 'people', personIds: [] } },
      422,
      'VISIBILITY.NOBODY',
      'visibility',
    ],
  ])(
    'refuses %s with the error object, field messages and nothing stored',
    async (_label, body, status, code, field) => {
      const before = await counts();
      const answer =
        body === null ? await sam.postRaw('/insights', '{"body": ') : await sam.post('/insights', body);
      expect(answer.status).toBe(status);
      expect(answer.body.error.code).toBe(code);
      expect(answer.body.error.message).toEqual(expect.any(String));
      if (field) expect(answer.body.error.fields[field]).toEqual(expect.any(String));
      expect(Object.keys(answer.body)).toEqual(['error']);
      expect(JSON.stringify(answer.body)).not.toMatch(/at \S+\.ts:\d+/);
      expect(await counts()).toEqual(before);
    },
  );

  it('says what is wrong in words a person can act on', async () => {
    const answer = await sam.post('/insights', { ...valid, body: '' });
    expect(answer.body.error).toEqual({
      code: 'INSIGHT.BODY.EMPTY',
      message: 'The text is empty: write something.',
      fields: { body: 'The text is empty: write something.' },
    });
  });
});

describe('reading insights through the API', () => {
  let restrictedId: string;

  beforeAll(async () => {
    const answer = await sam.post('/insights', {
      ...valid,
      body: 'Support-only: the refund macro is wrong.',
      visibility: { scope: 'team', teamId: supportTeamId },
    });
    restrictedId = answer.body.id;
  });

  it('shows a team-restricted insight to its team and hides it from others, by id as if unknown', async () => {
    expect((await sam.get(`/insights/${restrictedId}`)).body.body).toBe(
      'Support-only: the refund macro is wrong.',
    );
    const hidden = await chloe.get(`/insights/${restrictedId}`);
    const unknown = await chloe.get('/insights/00000000-0000-4000-8000-000000000000');
    const malformed = await chloe.get('/insights/not-an-id');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
    expect(malformed.body).toEqual(unknown.body);
    expect(hidden.body.error.code).toBe('INSIGHT.NOT_FOUND');
    const list = await chloe.get('/insights?limit=100&source=api');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(restrictedId);
    const samList = await sam.get('/insights?limit=100&source=api');
    expect(samList.body.items.map((i: { id: string }) => i.id)).toContain(restrictedId);
  });

  it('returns one insight in the same shape as the list does', async () => {
    const list = await sam.get('/insights?limit=5');
    for (const item of list.body.items) expect((await sam.get(`/insights/${item.id}`)).body).toEqual(item);
  });

  it('pages through every insight the person may read exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const answer = await chloe.get(`/insights?limit=7${after ? `&after=${after}` : ''}`);
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...answer.body.items.map((i: { id: string }) => i.id));
      after = answer.body.next;
      pages++;
    } while (after && pages < 100);
    const all = await hub.db.sql`select id from insights`;
    const repositories = createRepositories(hub.db.sql);
    const [person] = await repositories.people
      .list()
      .then((p) => p.filter((x) => x.email === 'chloe.dubois@example.com'));
    const insights = await repositories.insights.findByIds(all.map((r) => r.id as string));
    const readable = insights.filter((i) => canReadInsight(person!, i)).map((i) => i.id);
    expect(readable.length).toBeLessThan(all.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...readable].sort());
  });

  it('applies the feed’s filters and refuses values it does not know', async () => {
    const pains = await sam.get('/insights?kind=pain&limit=100');
    expect(pains.body.items.length).toBeGreaterThan(0);
    expect(pains.body.items.every((i: { kind: string }) => i.kind === 'pain')).toBe(true);
    const tagged = await sam.get('/insights?tag=PRORATION');
    expect(tagged.body.items.every((i: { tags: string[] }) => i.tags.includes('proration'))).toBe(true);
    expect(tagged.body.items.length).toBeGreaterThan(0);
    const bad = await sam.get('/insights?kind=rumour&limit=500');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['kind', 'limit']);
    const badCursor = await sam.get('/insights?after=garbage');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.fields.after).toMatch(/cursor/);
  });
});

describe('adding evidence through the API', () => {
  it('records a further customer on a readable insight and counts it', async () => {
    const { body: insight } = await sam.post('/insights', valid);
    const answer = await chloe.post(`/insights/${insight.id}/evidence`, {
      customerId,
      note: 'Same at Globex',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ insightId: insight.id, customerId, note: 'Same at Globex' });
    expect((await sam.get(`/insights/${insight.id}`)).body.evidenceCount).toBe(1);
  });

  it('refuses an unknown customer (422), a hidden insight (404) and a bad body (400)', async () => {
    const { body: open } = await sam.post('/insights', valid);
    const { body: hidden } = await sam.post('/insights', {
      ...valid,
      visibility: { scope: 'team', teamId: supportTeamId },
    });
    const before = await counts();
    const unknown = await chloe.post(`/insights/${open.id}/evidence`, {
      customerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.customerId).toMatch(/No customer/);
    expect((await chloe.post(`/insights/${hidden.id}/evidence`, { customerId })).status).toBe(404);
    const bad = await chloe.post(`/insights/${open.id}/evidence`, { note: 'who?' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.customerId).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });
});
