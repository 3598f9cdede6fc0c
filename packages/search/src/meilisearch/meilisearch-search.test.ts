import type { SearchIndex } from '@heard/domain';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMeilisearchSearchIndex } from './meilisearch-search-index';
import { admin, doc, INDEX, outsider } from './testing/fixtures';
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

const searchBodies = (mock: MeilisearchMock) =>
  mock.requestsTo('POST', /\/search$/).map((r) => r.body as Record<string, unknown>);

describe('search', () => {
  async function seeded() {
    const context = setup();
    await context.index.prepare();
    await context.index.upsert([
      doc({ id: 'open', tags: ['export', 'csv'] }),
      doc({ id: 'team', visibility: { scope: 'team', teamId: 't-sales' }, tags: ['export'] }),
      doc({ id: 'people', visibility: { scope: 'people', personIds: ['p-friend'] }, tags: ['secret'] }),
    ]);
    return context;
  }

  it('filters an outsider by audience inside the query, so hits and facets only count readable documents', async () => {
    const { mock, index } = await seeded();
    const result = await index.search({ text: 'export', scope: outsider, facets: ['tag'] });
    expect(searchBodies(mock)[0]!.filter).toEqual(['audience IN ["everyone", "person:p-out", "team:t-out"]']);
    expect(result.hits.map((h) => h.id)).toEqual(['open']);
    expect(result).toMatchObject({ total: 1, totalIsExact: true, facets: { tag: { export: 1, csv: 1 } } });
    // Restricted documents carry no `everyone` term to slip through on.
    const audiences = mock.documents(INDEX).map((d) => d.audience);
    expect(audiences).toEqual([
      ['everyone', 'person:p-rep'],
      ['team:t-sales', 'person:p-rep'],
      ['person:p-friend', 'person:p-rep'],
    ]);

    await index.search({ text: '', scope: { personId: 'p-friend', teamId: null, seesEverything: false } });
    expect(searchBodies(mock)[1]!.filter).toEqual(['audience IN ["everyone", "person:p-friend"]']);
  });

  it('sends no audience filter for an admin, who reads everything', async () => {
    const { mock, index } = await seeded();
    const result = await index.search({ text: '', scope: admin, facets: ['tag'] });
    expect(searchBodies(mock)[0]!.filter).toBeUndefined();
    expect(result.total).toBe(3);
    expect(result.facets.tag).toEqual({ export: 2, csv: 1, secret: 1 });
  });

  it('maps filters (escaped), sort, facets and paging onto the request', async () => {
    const { mock, index } = await seeded();
    await index.search({
      text: '  "csv  export"   -slow  ',
      scope: admin,
      filters: {
        kind: 'pain',
        sentiment: 'negative',
        source: 'slack',
        triage: 'new',
        tag: 'say "hi" \\ now',
        goalId: 'g1',
        teamId: 't-sales',
        customerId: 'c1',
        segment: 'enterprise',
        hasStory: false,
        from: new Date('2024-01-01T00:00:00.500Z'),
        to: new Date('2025-01-01T00:00:00Z'),
      },
      sort: 'evidence',
      facets: ['kind', 'tag', 'goal', 'team', 'segment', 'hasStory'],
      limit: 10,
      offset: 20,
    });
    const body = searchBodies(mock)[0]!;
    expect(body).toMatchObject({
      q: '"csv export" -slow ',
      filter: [
        'kind = "pain"',
        'sentiment = "negative"',
        'source = "slack"',
        'triage = "new"',
        'tags = "say \\"hi\\" \\\\ now"',
        'goalIds = "g1"',
        'teamId = "t-sales"',
        'customerIds = "c1"',
        'segments = "enterprise"',
        'hasStory = false',
        'createdAtTs >= 1704067200.5',
        'createdAtTs < 1735689600',
      ],
      sort: ['evidenceCount:desc', 'createdAtTs:desc'],
      facets: ['kind', 'tags', 'goalIds', 'teamId', 'segments', 'hasStory'],
      matchingStrategy: 'all',
      hitsPerPage: 10,
      page: 3,
    });

    await index.upsert([doc({ id: 'quoted', tags: ['say "hi" \\ now'] })]);
    const quoted = await index.search({ text: '', scope: admin, filters: { tag: 'say "hi" \\ now' } });
    expect(quoted.hits.map((h) => h.id)).toEqual(['quoted']);
  });

  it('orders by the chosen sort, empty text newest first, relevance without a sort', async () => {
    const { mock, index } = setup();
    await index.upsert([
      doc({ id: 'old', createdAt: new Date('2024-01-01'), customerValue: 9 }),
      doc({ id: 'new', createdAt: new Date('2024-06-01'), customerValue: 1 }),
    ]);
    expect((await index.search({ text: '', scope: admin })).hits.map((h) => h.id)).toEqual(['new', 'old']);
    await index.search({ text: 'export', scope: admin });
    await index.search({ text: 'export', scope: admin, sort: 'newest' });
    await index.search({ text: 'export', scope: admin, sort: 'customer_value' });
    expect(searchBodies(mock).map((b) => b.sort)).toEqual([
      ['createdAtTs:desc'],
      undefined,
      ['createdAtTs:desc'],
      ['customerValue:desc', 'createdAtTs:desc'],
    ]);
  });

  it('lists newest first when the text asks for nothing to rank by', async () => {
    const { mock, index } = setup();
    await index.upsert([doc()]);
    await index.search({ text: '  !! ', scope: admin });
    await index.search({ text: '-slow', scope: admin });
    await index.search({ text: 'exp', scope: admin });
    await index.search({ text: 'export  ', scope: admin });
    expect(searchBodies(mock).map((b) => [b.q, b.sort])).toEqual([
      ['', ['createdAtTs:desc']],
      ['-slow', ['createdAtTs:desc']],
      // The last word is a prefix while typing; a trailing space ends it, so it is kept.
      ['exp', undefined],
      ['export ', undefined],
    ]);
  });

  it('reads an unaligned offset as one page from the start and skips', async () => {
    const { mock, index } = setup();
    await index.upsert(
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => doc({ id, createdAt: new Date(2024, 0, 10 - i) })),
    );
    const result = await index.search({ text: '', scope: admin, limit: 2, offset: 3 });
    expect(searchBodies(mock)[0]).toMatchObject({ hitsPerPage: 5, page: 1 });
    expect(result.hits.map((h) => h.id)).toEqual(['d', 'e']);
    expect(result.total).toBe(5);
  });

  it('returns snippets as escaped HTML with the matches marked', async () => {
    const { mock, index } = setup();
    await index.upsert([doc({ body: 'The export <script>alert(1)</script> & "quotes" fail' })]);
    const [hit] = (await index.search({ text: 'export', scope: admin })).hits;
    expect(hit!.snippet).toBe(
      'The <mark>export</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; fail',
    );
    expect(hit).toMatchObject({
      id: 'a1',
      title: 'CSV export is slow',
      createdAt: new Date('2024-05-01T10:00:00.123Z'),
    });
    expect(searchBodies(mock)[0]).toMatchObject({
      attributesToRetrieve: ['id', 'title', 'createdAt'],
      attributesToCrop: ['body', 'storySummary', 'storyPullQuote', 'storyHeadline'],
      highlightPreTag: '\uE000',
      highlightPostTag: '\uE001',
    });
  });

  it('strips highlight sentinels from indexed text, so a document cannot forge a mark', async () => {
    const { mock, index } = setup();
    await index.upsert([doc({ body: 'plain \uE000forged\uE001 text' })]);
    expect(mock.documents(INDEX)[0]!.body).toBe('plain forged text');
    const [hit] = (await index.search({ text: '', scope: admin })).hits;
    expect(hit!.snippet).toBe('plain forged text');
  });

  it('finds similar insights sharing any words, rarest first, under the same visibility filter', async () => {
    const { mock, index } = setup();
    await index.upsert([
      doc({ id: 'other', title: 'Customer onboarding praise', body: 'The customer liked onboarding.' }),
      doc({
        id: 'dup',
        title: 'Charged twice for one order',
        body: 'We were charged twice and want a refund.',
      }),
      doc({
        id: 'secret',
        title: 'Charged twice',
        body: 'Order charged twice, refund pending.',
        visibility: { scope: 'people', personIds: ['p-friend'] },
      }),
    ]);
    const text = 'Customer says they were "charged" twice for the same order and asks for a -refund';
    const hits = await index.similar(text, outsider, 5);
    const [multi] = mock.requestsTo('POST', /^multi-search$/);
    const queries = (multi!.body as { queries: Record<string, unknown>[] }).queries;
    expect(queries.map((q) => q.q)).toEqual(['Customer', 'charged', 'twice', 'same', 'order', 'refund']);
    for (const query of queries) {
      expect(query).toMatchObject({
        indexUid: INDEX,
        filter: ['audience IN ["everyone", "person:p-out", "team:t-out"]'],
        limit: 50,
      });
    }
    // `dup` lacks the first word, yet shares the most (and rarest) words.
    expect(hits.map((h) => h.id)).toEqual(['dup', 'other']);
    expect(hits[0]!.snippet).toContain('<mark>');
    expect(await index.similar(' the -a "" ', outsider, 5)).toEqual([]);
    expect(mock.requestsTo('POST', /^multi-search$/)).toHaveLength(1);
  });
});
