// Shared by the Meilisearch engine tests: a document factory and the readers they search as.
import type { ReadScope, SearchDocument } from '@heard/domain';

export const INDEX = 'insights_test';
export const admin: ReadScope = { personId: 'p-admin', teamId: null, seesEverything: true };
export const outsider: ReadScope = { personId: 'p-out', teamId: 't-out', seesEverything: false };

export function doc(overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: 'a1',
    title: 'CSV export is slow',
    body: 'Customers say the export takes minutes.',
    tags: ['export'],
    customerNames: ['Acme'],
    story: null,
    kind: 'pain',
    sentiment: 'negative',
    source: 'slack',
    reporterId: 'p-rep',
    teamId: 't-sales',
    goalIds: ['g1'],
    customerIds: ['c1'],
    segments: ['enterprise'],
    triage: 'new',
    visibility: { scope: 'everyone' },
    evidenceCount: 1,
    reactionCount: 0,
    customerValue: 1000,
    createdAt: new Date('2024-05-01T10:00:00.123Z'),
    ...overrides,
  };
}
