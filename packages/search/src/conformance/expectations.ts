// What the conformance suite expects, computed from the corpus and the domain's own rules.
import {
  canReadInsight,
  type Person,
  SEARCH_FACETS,
  type SearchDocument,
  type SearchFacet,
  type SearchFilters,
  type SearchResult,
  type SearchSort,
} from '@heard/domain';
import { expect } from 'vitest';
import { byId } from './corpus';

export const readableBy = (person: Person) => (doc: SearchDocument) => canReadInsight(person, doc);

export function matchesFilters(doc: SearchDocument, f: SearchFilters): boolean {
  return (
    (f.kind === undefined || doc.kind === f.kind) &&
    (f.sentiment === undefined || doc.sentiment === f.sentiment) &&
    (f.source === undefined || doc.source === f.source) &&
    (f.triage === undefined || doc.triage === f.triage) &&
    (f.tag === undefined || doc.tags.includes(f.tag)) &&
    (f.goalId === undefined || doc.goalIds.includes(f.goalId)) &&
    (f.teamId === undefined || doc.teamId === f.teamId) &&
    (f.customerId === undefined || doc.customerIds.includes(f.customerId)) &&
    (f.segment === undefined || doc.segments.includes(f.segment)) &&
    (f.hasStory === undefined || (doc.story !== null) === f.hasStory) &&
    (f.from === undefined || doc.createdAt.getTime() >= f.from.getTime()) &&
    (f.to === undefined || doc.createdAt.getTime() < f.to.getTime())
  );
}

const facetValuesOf = (doc: SearchDocument, facet: SearchFacet): string[] => {
  switch (facet) {
    case 'kind':
      return [doc.kind];
    case 'sentiment':
      return [doc.sentiment];
    case 'source':
      return [doc.source];
    case 'triage':
      return [doc.triage];
    case 'tag':
      return doc.tags;
    case 'goal':
      return doc.goalIds;
    case 'team':
      return doc.teamId === null ? [] : [doc.teamId];
    case 'segment':
      return doc.segments;
    case 'hasStory':
      return [String(doc.story !== null)];
  }
};

/** Facet counts over `docs`, the way every engine must report them. */
export function countFacets(
  docs: SearchDocument[],
  facets: readonly SearchFacet[] = SEARCH_FACETS,
): Partial<Record<SearchFacet, Record<string, number>>> {
  const counts: Partial<Record<SearchFacet, Record<string, number>>> = {};
  for (const facet of facets) {
    const values: Record<string, number> = {};
    for (const doc of docs)
      for (const v of new Set(facetValuesOf(doc, facet))) values[v] = (values[v] ?? 0) + 1;
    counts[facet] = values;
  }
  return counts;
}

/** Engines may or may not list values counted zero; compare without them. */
export function withoutZeros(facets: SearchResult['facets']): SearchResult['facets'] {
  return Object.fromEntries(
    Object.entries(facets).map(([facet, values]) => [
      facet,
      Object.fromEntries(Object.entries(values ?? {}).filter(([, n]) => n > 0)),
    ]),
  );
}

export const docsOf = (result: SearchResult): SearchDocument[] =>
  result.hits.map((hit) => {
    const doc = byId.get(hit.id);
    expect(doc, `hit ${hit.id} is not in the corpus`).toBeDefined();
    return doc!;
  });

export const idsOf = (result: { hits: { id: string }[] } | { id: string }[]): string[] =>
  (Array.isArray(result) ? result : result.hits).map((hit) => hit.id);

/** Safe HTML: once the <mark> elements are removed, no markup is left. */
export function expectSafeSnippet(snippet: string): void {
  const rest = snippet.replaceAll('<mark>', '').replaceAll('</mark>', '');
  expect(rest, `unsafe snippet: ${snippet}`).not.toMatch(/[<>]/);
}

const haystack = (doc: SearchDocument) =>
  [doc.title, doc.body, ...doc.tags, ...doc.customerNames, doc.story?.headline, doc.story?.summary]
    .join(' ')
    .toLowerCase();
export const mentions = (doc: SearchDocument, word: string) => haystack(doc).includes(word.toLowerCase());

export const newestFirst = (a: SearchDocument, b: SearchDocument) =>
  b.createdAt.getTime() - a.createdAt.getTime();
export const SORT_KEY: Record<Exclude<SearchSort, 'relevance'>, (d: SearchDocument) => number> = {
  newest: (d) => d.createdAt.getTime(),
  evidence: (d) => d.evidenceCount,
  customer_value: (d) => d.customerValue,
};
