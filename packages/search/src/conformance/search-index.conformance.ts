// One behaviour for every search engine: run this against each SearchIndex implementation.
// Expectations come from the fixed corpus and the domain's canReadInsight, never from an engine.
// Engines must make upsert and remove visible to search before their promises resolve.
import {
  type Person,
  readScopeFor,
  SEARCH_FACETS,
  type SearchFilters,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
} from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, CUSTOMER, DOC, GOAL, PEOPLE, TEAM } from './corpus';
import {
  countFacets,
  docsOf,
  expectSafeSnippet,
  idsOf,
  matchesFilters,
  mentions,
  newestFirst,
  readableBy,
  SORT_KEY,
  withoutZeros,
} from './expectations';

export { CORPUS, DOC, PEOPLE } from './corpus';

const SCOPES = Object.entries(PEOPLE) as [keyof typeof PEOPLE, Person][];
export function describeSearchIndexConformance(
  name: string,
  makeIndex: () => Promise<{ index: SearchIndex; cleanup?: () => Promise<void> }>,
): void {
  describe(`SearchIndex conformance: ${name}`, () => {
    let index: SearchIndex;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ index, cleanup } = await makeIndex());
      await index.prepare();
      await index.prepare();
      await index.upsert(CORPUS);
    });
    afterAll(async () => {
      await cleanup?.();
    });

    /** Every search goes through here: hits readable by `as`, snippets safe, facets = counted hits. */
    async function search(
      as: Person,
      text: string,
      rest: Partial<Omit<SearchQuery, 'scope' | 'text'>> = {},
    ): Promise<SearchResult> {
      const result = await index.search({ text, scope: readScopeFor(as), limit: 100, ...rest });
      const docs = docsOf(result);
      for (const doc of docs) expect(readableBy(as)(doc), `${as.name} cannot read ${doc.id}`).toBe(true);
      for (const hit of result.hits) expectSafeSnippet(hit.snippet);
      if (rest.facets && result.totalIsExact && result.total <= (rest.limit ?? 100) && !rest.offset) {
        expect(result.total).toBe(result.hits.length);
        expect(withoutZeros(result.facets)).toEqual(countFacets(docs, rest.facets));
      }
      return result;
    }
    const ids = async (text: string, rest: Partial<SearchQuery> = {}, as: Person = PEOPLE.admin) =>
      idsOf(await search(as, text, rest));
    const readable = (as: Person) => CORPUS.filter(readableBy(as));

    it('reports itself healthy', async () => {
      expect(await index.health()).toEqual({ ok: true });
    });

    it('finds documents by a word, and several words together', async () => {
      expect(await ids('northwind')).toContain(DOC.northwind);
      expect(await ids('csv')).toContain(DOC.exportCsv);
      expect(await ids('csv')).not.toContain(DOC.exportPdf);
      expect((await ids('pdf blurry'))[0]).toBe(DOC.exportPdf);
      expect(await ids('qwxzvbn')).toEqual([]);
    });

    it('ranks a match in the title above a match in the body', async () => {
      const found = await ids('invoice');
      expect(found).toContain(DOC.bodyInvoice);
      expect(found.indexOf(DOC.titleInvoice)).toBeGreaterThanOrEqual(0);
      // bodyInvoice is the newer of the two, so only weighting can put titleInvoice first.
      expect(found.indexOf(DOC.titleInvoice)).toBeLessThan(found.indexOf(DOC.bodyInvoice));
    });

    it('matches "quoted phrases" in order only', async () => {
      const phrase = await ids('"charged twice"');
      expect(phrase).toContain(DOC.chargedTwice);
      expect(phrase).not.toContain(DOC.twiceCharged);
      const words = await ids('charged twice');
      expect(words).toEqual(expect.arrayContaining([DOC.chargedTwice, DOC.twiceCharged]));
    });

    it('excludes -words', async () => {
      const result = await search(PEOPLE.admin, 'export -csv');
      expect(idsOf(result)).toContain(DOC.exportPdf);
      expect(idsOf(result)).not.toContain(DOC.exportCsv);
      for (const doc of docsOf(result)) expect(mentions(doc, 'csv')).toBe(false);
    });

    it('matches the last word as a prefix while typing', async () => {
      expect(await ids('invo')).toContain(DOC.titleInvoice);
      expect(await ids('monthly state')).toContain(DOC.titleInvoice);
      expect(await ids('zepp', {}, PEOPLE.namedPerson)).toEqual([DOC.zeppelin]);
    });

    it('forgives a typo', async () => {
      expect(await ids('invocie')).toContain(DOC.titleInvoice);
      expect(await ids('invocie totals')).toContain(DOC.titleInvoice);
      expect(await ids('blurry exprot')).toContain(DOC.exportPdf);
    });

    it('ignores accents both ways', async () => {
      expect(await ids('facture')).toContain(DOC.facture);
      expect(await ids('facturé')).toContain(DOC.facture);
      expect(await ids('muller')).toContain(DOC.facture);
      expect(await ids('Müller')).toContain(DOC.facture);
    });

    const FILTERS: SearchFilters[] = [
      { kind: 'pain' },
      { kind: 'churn_risk' },
      { sentiment: 'negative' },
      { source: 'email' },
      { triage: 'archived' },
      { tag: 'billing' },
      { goalId: GOAL.retention },
      { teamId: TEAM.billing },
      { customerId: CUSTOMER.acme },
      { segment: 'Enterprise' },
      { hasStory: true },
      { hasStory: false },
      { from: CORPUS[20]!.createdAt },
      { to: CORPUS[20]!.createdAt },
      { from: CORPUS[10]!.createdAt, to: CORPUS[30]!.createdAt },
      { tag: 'billing', kind: 'pain', goalId: GOAL.cashflow },
    ];
    it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('filters by %s', async (_, filters) => {
      for (const as of [PEOPLE.admin, PEOPLE.supportMember, PEOPLE.outsider]) {
        const expected = readable(as).filter((d) => matchesFilters(d, filters));
        const result = await search(as, '', { filters, facets: ['kind', 'tag'] });
        expect(new Set(idsOf(result))).toEqual(new Set(expected.map((d) => d.id)));
        expect(result.total).toBe(expected.length);
        const withText = await search(as, 'invoice', { filters });
        for (const doc of docsOf(withText)) expect(matchesFilters(doc, filters)).toBe(true);
      }
    });

    it('sorts by newest, evidence and customer value', async () => {
      for (const sort of ['newest', 'evidence', 'customer_value'] as const) {
        const key = SORT_KEY[sort];
        const expected = readable(PEOPLE.supportMember).sort((a, b) => key(b) - key(a));
        expect(await ids('', { sort }, PEOPLE.supportMember)).toEqual(expected.map((d) => d.id));
        const page = await ids('', { sort, limit: 5, offset: 5 }, PEOPLE.supportMember);
        expect(page).toEqual(expected.slice(5, 10).map((d) => d.id));
        const keys = docsOf(await search(PEOPLE.admin, 'invoice', { sort })).map(key);
        expect(keys).toEqual([...keys].sort((a, b) => b - a));
      }
    });

    it('lists the newest first when there is no text', async () => {
      const expected = readable(PEOPLE.outsider).sort(newestFirst);
      expect(await ids('', {}, PEOPLE.outsider)).toEqual(expected.map((d) => d.id));
      expect(await ids('   ', { sort: 'relevance', limit: 3 }, PEOPLE.outsider)).toEqual(
        expected.slice(0, 3).map((d) => d.id),
      );
      const result = await search(PEOPLE.outsider, '', { limit: 3 });
      expect(result).toMatchObject({ total: expected.length, totalIsExact: true });
    });

    describe.each(SCOPES)('visibility inside the query, as %s', (_, as) => {
      it.each(['', 'invoice', 'refund', 'zeppelin', 'northwind', 'dunning', 'billing', 'invo'])(
        'searching %j returns and counts only what they may read',
        async (text) => {
          const result = await search(as, text, { facets: [...SEARCH_FACETS] });
          if (text === '') expect(new Set(idsOf(result))).toEqual(new Set(readable(as).map((d) => d.id)));
          expect(result.totalIsExact).toBe(true);
        },
      );
      it('finds restricted documents exactly when allowed to read them', async () => {
        const zeppelin = CORPUS.find((d) => d.id === DOC.zeppelin)!;
        const expected = readableBy(as)(zeppelin) ? [DOC.zeppelin] : [];
        const result = await search(as, 'zeppelin', { facets: ['kind', 'team', 'tag'] });
        expect(idsOf(result)).toEqual(expected);
        expect(result.total).toBe(expected.length);
        const similar = await index.similar('zeppelin rollout blocked', readScopeFor(as), 10);
        expect(idsOf(similar).includes(DOC.zeppelin)).toBe(expected.length === 1);
        for (const id of idsOf(similar)) expect(readableBy(as)(CORPUS.find((d) => d.id === id)!)).toBe(true);
      });
    });

    it('highlights matches as safe HTML, even around a <script> in the body', async () => {
      const [hit] = (await search(PEOPLE.admin, 'rendered blank')).hits;
      expect(hit?.id).toBe(DOC.script);
      expect(hit!.snippet).toContain('<mark>');
      expect(hit!.snippet).not.toContain('<script');
      expect(hit!.title).toBe('Pasted markup in a note');
    });

    it('finds similar insights for a would-be duplicate', async () => {
      const text = 'Customer says they were charged twice for the same order and asks for a refund';
      const similar = await index.similar(text, readScopeFor(PEOPLE.outsider), 5);
      expect(idsOf(similar)).toContain(DOC.chargedTwice);
      expect(similar.length).toBeLessThanOrEqual(5);
      for (const hit of similar) expectSafeSnippet(hit.snippet);
    });

    it('lists ids in ascending order, a page at a time', async () => {
      const seen: string[] = [];
      for (let after: string | null = null, page: string[] = []; ; after = page.at(-1)!) {
        page = await index.listIds(after, 7);
        expect(page.length).toBeLessThanOrEqual(7);
        seen.push(...page);
        if (page.length < 7) break;
      }
      expect(seen).toEqual(CORPUS.map((d) => d.id).sort());
    });

    it('replaces a document upserted again, and forgets a removed one', async () => {
      const base = { ...CORPUS[0]!, id: '60000000-0000-4000-8000-000000000001', tags: ['onboarding'] };
      await index.upsert([{ ...base, title: 'Walrus onboarding feedback', body: 'The walrus tour helped.' }]);
      const found = await index.search({ text: 'walrus', scope: readScopeFor(PEOPLE.admin) });
      expect(idsOf(found)).toEqual([base.id]);
      const narwhal = { ...base, title: 'Narwhal onboarding feedback', body: 'The narwhal tour helped.' };
      await index.upsert([
        { ...narwhal, visibility: { scope: 'people', personIds: [PEOPLE.namedPerson.id] } },
      ]);
      expect(await index.search({ text: 'walrus', scope: readScopeFor(PEOPLE.admin) })).toMatchObject({
        hits: [],
        total: 0,
      });
      const [hit] = (await index.search({ text: 'narwhal', scope: readScopeFor(PEOPLE.admin) })).hits;
      expect(hit).toMatchObject({ id: base.id, title: 'Narwhal onboarding feedback' });
      const outsider = await index.search({ text: 'narwhal', scope: readScopeFor(PEOPLE.outsider) });
      expect(outsider.total).toBe(0);
      await index.remove([base.id, '60000000-0000-4000-8000-0000000000ff']);
      expect((await index.search({ text: 'narwhal', scope: readScopeFor(PEOPLE.admin) })).total).toBe(0);
      expect(
        await index.listIds(
          CORPUS.map((d) => d.id)
            .sort()
            .at(-1)!,
          10,
        ),
      ).toEqual([]);
    });
  });
}
