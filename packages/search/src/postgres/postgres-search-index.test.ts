import { useTestDatabase } from '@heard/db/testing';
import { readScopeFor, type SearchDocument } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, DOC, PEOPLE } from '../conformance/corpus';
import { describeSearchIndexConformance } from '../conformance/search-index.conformance';
import { createPostgresSearchIndex } from './postgres-search-index';

const db = useTestDatabase();

describeSearchIndexConformance('postgres', async () => {
  const sql = db.sql();
  return {
    index: createPostgresSearchIndex(sql),
    cleanup: async () => {
      await sql`truncate search_documents, search_words`;
    },
  };
});

describe('PostgreSQL search specifics', () => {
  const admin = readScopeFor(PEOPLE.admin);
  const outsider = readScopeFor(PEOPLE.outsider);
  const uuid = (n: number) => `70000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const template = CORPUS.find((d) => d.id === DOC.exportPdf)!;
  /** 120 newer documents mentioning "gizmo" in the body, most of them restricted. */
  const crowd: SearchDocument[] = Array.from({ length: 120 }, (_, i) => ({
    ...template,
    id: uuid(i + 1),
    title: `Crowd report ${i}`,
    body: `The gizmo widget misbehaves again (${i}).`,
    tags: ['crowd'],
    visibility: i % 3 === 0 ? { scope: 'everyone' } : { scope: 'people', personIds: [PEOPLE.namedPerson.id] },
    createdAt: new Date(Date.parse('2027-01-01T00:00:00Z') + i * 60_000),
  }));

  beforeAll(async () => {
    await createPostgresSearchIndex(db.sql()).upsert(CORPUS);
  });

  it('keeps every indexed word, unaccented and unstemmed, for typo tolerance', async () => {
    const sql = db.sql();
    const rows =
      await sql`select word from search_words where word in ('invoice', 'muller', 'facture', 'statement', 'zeppelin')`;
    expect(rows.map((r) => r.word).sort()).toEqual(['facture', 'invoice', 'muller', 'statement', 'zeppelin']);
    const [{ n } = { n: 0 }] =
      await sql`select count(*)::int as n from search_words where word ~ '[A-Z0-9-]'`;
    expect(n).toBe(0);
    await createPostgresSearchIndex(sql).upsert([{ ...template, id: uuid(999), title: 'Quokka sighting' }]);
    expect(await sql`select word from search_words where word = 'quokka'`).toHaveLength(1);
    await createPostgresSearchIndex(sql).remove([uuid(999)]);
  });

  it('ranks only the newest candidates, yet keeps the top results, total and facets right', async () => {
    const sql = db.sql();
    const index = createPostgresSearchIndex(sql, { rankCandidates: 50 });
    await index.upsert(crowd);
    // A title match inside the candidate window outranks the body matches around it.
    await index.upsert([{ ...crowd[99]!, title: 'Gizmo widget title match' }]);
    const result = await index.search({ text: 'gizmo', scope: outsider, limit: 5, facets: ['tag'] });
    expect(result.hits[0]?.id).toBe(crowd[99]!.id);
    // The bound applies after visibility: the outsider's 40 readable matches are all candidates.
    expect(result.total).toBe(40);
    expect(result.facets.tag).toEqual({ crowd: 40 });
    const all = await index.search({ text: 'gizmo', scope: admin, limit: 100, offset: 0 });
    expect(all.total).toBe(120);
    expect(all.hits).toHaveLength(50);
    const newest = await index.search({ text: 'gizmo', scope: admin, limit: 200, sort: 'newest' });
    expect(newest.hits).toHaveLength(120);
    await index.remove(crowd.map((d) => d.id));
  });

  it('caps the total, and says so', async () => {
    const sql = db.sql();
    const index = createPostgresSearchIndex(sql, { totalCap: 10, facetCap: 50 });
    await index.upsert(crowd);
    expect(await index.search({ text: 'gizmo', scope: admin, limit: 1 })).toMatchObject({
      total: 10,
      totalIsExact: false,
    });
    const faceted = await index.search({ text: 'gizmo', scope: admin, limit: 1, facets: ['tag'] });
    expect(faceted).toMatchObject({ total: 50, totalIsExact: false, facets: { tag: { crowd: 50 } } });
    // Counting facets counts every match up to facetCap, so that total is exact beyond totalCap.
    const narrow = await index.search({ text: 'gizmo', scope: outsider, limit: 1, facets: ['tag'] });
    expect(narrow).toMatchObject({ total: 40, totalIsExact: true, facets: { tag: { crowd: 40 } } });
    await index.remove(crowd.map((d) => d.id));
  });

  it('leaves a document indexed again unchanged as it is, and rewrites it when anything changed', async () => {
    const sql = db.sql();
    const index = createPostgresSearchIndex(sql);
    const doc = { ...template, id: uuid(997), title: 'Platypus report' };
    await index.upsert([doc]);
    const version = async () =>
      (await sql`select xmin::text as v from search_documents where insight_id = ${doc.id}`)[0]?.v;
    const first = await version();
    await index.upsert([{ ...doc }]);
    expect(await version()).toBe(first);
    await index.upsert([{ ...doc, visibility: { scope: 'people', personIds: [PEOPLE.namedPerson.id] } }]);
    expect(await version()).not.toBe(first);
    expect((await index.search({ text: 'platypus', scope: outsider })).total).toBe(0);
    await index.remove([doc.id]);
  });

  it('highlights a match far into a long body', async () => {
    const index = createPostgresSearchIndex(db.sql());
    const filler = 'The export dialog lists every column of the report. '.repeat(300);
    const long = {
      ...template,
      id: uuid(998),
      title: 'Long transcript',
      body: `${filler}A Wombat ate it. ${filler}`,
    };
    await index.upsert([long]);
    const [hit] = (await index.search({ text: 'wombat', scope: admin })).hits;
    expect(hit?.id).toBe(long.id);
    expect(hit!.snippet).toContain('<mark>Wombat</mark>');
    const [typed] = (await index.search({ text: 'womb', scope: admin })).hits;
    expect(typed!.snippet).toContain('<mark>Wombat</mark>');
    await index.remove([long.id]);
  });

  it('survives hostile text and malformed ids', async () => {
    const index = createPostgresSearchIndex(db.sql());
    for (const text of ["'", '\\', '"', '-', '!!', "a':* | b", '(((', 'the', '-"the"', '&|!<->', '\u0000x']) {
      await expect(index.search({ text, scope: outsider })).resolves.toBeDefined();
    }
    const bad = await index.search({ text: '', scope: admin, filters: { goalId: 'nope' } });
    expect(bad.total).toBe(0);
    await expect(index.remove(['not-a-uuid'])).resolves.toBeUndefined();
    expect(await index.similar('the and of', admin, 5)).toEqual([]);
  });
});
