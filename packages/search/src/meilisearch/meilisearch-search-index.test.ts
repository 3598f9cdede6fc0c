import type { SearchIndex } from '@heard/domain';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter } from './meilisearch-retry';
import { createMeilisearchSearchIndex } from './meilisearch-search-index';
import { admin, doc, INDEX } from './testing/fixtures';
import { createMeilisearchMock, type MeilisearchMock } from './testing/meilisearch-mock';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(): { mock: MeilisearchMock; index: SearchIndex; logs: string[] } {
  const mock = createMeilisearchMock();
  server.use(...mock.handlers);
  const logs: string[] = [];
  const index = createMeilisearchSearchIndex({ url: mock.url, indexName: INDEX, log: (m) => logs.push(m) });
  return { mock, index, logs };
}

describe('prepare', () => {
  it('creates the index with primary key id and applies the exact settings, awaiting the tasks', async () => {
    const { mock, index } = setup();
    await index.prepare();
    expect(mock.requestsTo('POST', /^indexes$/)[0]!.body).toEqual({ uid: INDEX, primaryKey: 'id' });
    const patch = mock.requestsTo('PATCH', /settings$/);
    expect(patch).toHaveLength(1);
    expect(patch[0]!.body).toEqual({
      searchableAttributes: [
        'title',
        'customerNames',
        'tags',
        'storyHeadline',
        'body',
        'storySummary',
        'storyPullQuote',
      ],
      filterableAttributes: [
        'kind',
        'sentiment',
        'source',
        'triage',
        'tags',
        'goalIds',
        'teamId',
        'customerIds',
        'segments',
        'hasStory',
        'createdAtTs',
        'audience',
      ],
      sortableAttributes: ['createdAtTs', 'evidenceCount', 'customerValue'],
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
      faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
    });
    // Typo tolerance and maxTotalHits already had the wanted values.
    const settings = mock.indexes.get(INDEX)!.settings;
    expect(settings.typoTolerance).toMatchObject({ enabled: true });
    expect(settings.pagination).toEqual({ maxTotalHits: 1000 });
    expect(mock.indexes.get(INDEX)!.primaryKey).toBe('id');
  });

  it('sends no update when the settings already match, and only what differs otherwise', async () => {
    const { mock, index, logs } = setup();
    await index.prepare();
    await index.prepare();
    expect(mock.requestsTo('PATCH', /settings$/)).toHaveLength(1);
    expect(mock.requestsTo('POST', /^indexes$/)).toHaveLength(1);

    const stored = mock.indexes.get(INDEX)!;
    stored.settings = {
      ...stored.settings,
      rankingRules: ['words', 'sort'],
      typoTolerance: { enabled: false },
    };
    await index.prepare();
    const patches = mock.requestsTo('PATCH', /settings$/);
    expect(patches).toHaveLength(2);
    expect(patches[1]!.body).toEqual({
      rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
      typoTolerance: { enabled: true },
    });
    expect(logs.at(-1)).toContain('rankingRules, typoTolerance');
  });
});

describe('writes', () => {
  it('upserts documents with their audience and waits until the task has succeeded', async () => {
    const { mock, index } = setup();
    mock.pollsBeforeDone = 3;
    await index.upsert([
      doc({ id: 'e1' }),
      doc({ id: 't1', visibility: { scope: 'team', teamId: 't-sales' } }),
      doc({ id: 'p1', visibility: { scope: 'people', personIds: ['p-a', 'p-rep', 'p-b'] } }),
    ]);
    const post = mock.requestsTo('POST', /\/documents$/);
    expect(post).toHaveLength(1);
    expect(post[0]!.query.get('primaryKey')).toBe('id');
    const sent = post[0]!.body as Record<string, unknown>[];
    expect(sent.map((d) => d.audience)).toEqual([
      ['everyone', 'person:p-rep'],
      ['team:t-sales', 'person:p-rep'],
      ['person:p-a', 'person:p-rep', 'person:p-b'],
    ]);
    expect(sent[0]).toMatchObject({
      id: 'e1',
      hasStory: false,
      createdAtTs: 1714557600.123,
      createdAt: '2024-05-01T10:00:00.123Z',
    });
    // enqueued, processing, processing, then succeeded: four polls of the same task.
    expect(mock.requestsTo('GET', /^tasks\/0$/)).toHaveLength(4);
    expect(mock.documents(INDEX).map((d) => d.id)).toEqual(['e1', 't1', 'p1']);

    await index.remove(['t1']);
    expect(mock.requestsTo('POST', /documents\/delete-batch$/)[0]!.body).toEqual(['t1']);
    expect(mock.documents(INDEX).map((d) => d.id)).toEqual(['e1', 'p1']);
  });

  it("surfaces a failed task with Meilisearch's error message", async () => {
    const { mock, index } = setup();
    mock.failNextTask({ message: 'Document identifier `a b` is invalid.', code: 'invalid_document_id' });
    await expect(index.upsert([doc({ id: 'a b' })])).rejects.toThrow(
      /failed: Document identifier `a b` is invalid\. \(invalid_document_id\)/,
    );
  });

  it('retries a 503 and then succeeds', async () => {
    const { mock, index, logs } = setup();
    mock.failNextRequest('POST', /\/documents$/, { status: 503, body: { message: 'Service unavailable' } });
    await index.upsert([doc()]);
    expect(mock.requestsTo('POST', /\/documents$/)).toHaveLength(2);
    expect(mock.documents(INDEX)).toHaveLength(1);
    expect(logs.join('\n')).toMatch(
      /indexing 1 documents failed \(HTTP 503: Service unavailable\); retrying/,
    );
  });

  it('retries while polling a task when the network drops', async () => {
    const { mock, index } = setup();
    mock.failNextRequest('GET', /^tasks\//, 'network-error');
    await index.remove(['x']);
    expect(mock.requestsTo('POST', /delete-batch$/)).toHaveLength(1);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const { mock, index, logs } = setup();
    mock.failNextRequest('POST', /\/documents$/, {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { message: 'Too many requests', code: 'too_many_requests' },
    });
    const began = performance.now();
    await index.upsert([doc()]);
    expect(performance.now() - began).toBeGreaterThanOrEqual(950);
    expect(logs.join('\n')).toContain('retrying in 1000 ms');
  });

  it('does not retry a request Meilisearch rejected', async () => {
    const { mock, index } = setup();
    mock.failNextRequest('POST', /\/documents$/, {
      status: 400,
      body: { message: 'The `id` field is missing.', code: 'missing_document_id' },
    });
    await expect(index.upsert([doc()])).rejects.toThrow('The `id` field is missing.');
    expect(mock.requestsTo('POST', /\/documents$/)).toHaveLength(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('gives up after a bounded number of tries', async () => {
    const { mock, index } = setup();
    await index.upsert([doc()]);
    for (let i = 0; i < 3; i++) mock.failNextRequest('POST', /\/search$/, { status: 500 });
    await expect(index.search({ text: 'export', scope: admin })).rejects.toThrow(/500/);
    expect(mock.requestsTo('POST', /\/search$/)).toHaveLength(2);
  });
});

describe('listIds', () => {
  it('pages through every id in ascending order', async () => {
    const { mock, index } = setup();
    await index.upsert(['c', 'a', 'e', 'b', 'd'].map((id) => doc({ id })));
    expect(await index.listIds(null, 2)).toEqual(['a', 'b']);
    expect(await index.listIds('b', 2)).toEqual(['c', 'd']);
    await index.remove(['e']);
    await index.upsert([doc({ id: 'f' })]);
    expect(await index.listIds('d', 2)).toEqual(['f']);
    expect(await index.listIds('f', 2)).toEqual([]);
    // One snapshot served every page after the first.
    expect(mock.requestsTo('GET', /\/documents$/)).toHaveLength(1);
    expect(mock.requestsTo('GET', /\/documents$/)[0]!.query.get('fields')).toBe('id');
  });
});

describe('health', () => {
  it('reports a reachable server as ok', async () => {
    const { index } = setup();
    expect(await index.health()).toEqual({ ok: true });
  });

  it('reports an unreachable or failing server as not ok, without throwing', async () => {
    const { mock, index } = setup();
    server.use(http.get(`${mock.url}/health`, () => HttpResponse.error()));
    const down = await index.health();
    expect(down.ok).toBe(false);
    expect(!down.ok && down.error).toMatch(/Request to http:\/\/meilisearch\.test\/health has failed/);

    server.use(
      http.get(`${mock.url}/health`, () => HttpResponse.json({ message: 'starting' }, { status: 503 })),
    );
    expect(await index.health()).toEqual({ ok: false, error: 'HTTP 503: starting' });
  });
});
