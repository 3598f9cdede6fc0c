import type { Customer, Insight } from '@heard/domain';
import { describe, expect, it } from 'vitest';
import { toSearchDocument } from './search-document';

const customer = (id: string, name: string, segment: string | null, value: number | null): Customer => ({
  id,
  name,
  kind: 'account',
  segment,
  value,
  identifiers: [],
});

const insight: Insight = {
  id: 'i1',
  title: 'Double charge',
  body: 'Acme was charged twice.',
  kind: 'pain',
  sentiment: 'negative',
  source: { kind: 'slack', url: null, externalId: null },
  reporterId: 'p1',
  customerIds: ['c1', 'c2', 'gone'],
  tags: ['billing'],
  goals: [{ goalId: 'g1', rationale: null, linkedBy: 'p1', linkedAt: new Date(0) }],
  visibility: { scope: 'team', teamId: 't1' },
  attachments: [],
  triage: 'new',
  story: null,
  evidenceCount: 2,
  reactionCount: 0,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};

describe('what the search engines index for an insight', () => {
  it('carries customer names, segments and summed value, and keeps its visibility', () => {
    const doc = toSearchDocument(insight, {
      customers: [
        customer('c1', 'Acme GmbH', 'Enterprise', 250_000),
        customer('c2', 'Bluebird Ltd', 'Enterprise', null),
      ],
      reporterTeamId: 't9',
    });
    expect(doc.customerNames).toEqual(['Acme GmbH', 'Bluebird Ltd']);
    expect(doc.customerIds).toEqual(['c1', 'c2']);
    expect(doc.segments).toEqual(['Enterprise']);
    expect(doc.customerValue).toBe(250_000);
    expect(doc.visibility).toEqual({ scope: 'team', teamId: 't1' });
    expect(doc.teamId).toBe('t9');
    expect(doc.goalIds).toEqual(['g1']);
    expect(doc.source).toBe('slack');
  });
});
