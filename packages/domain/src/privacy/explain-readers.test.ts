import { describe, expect, it } from 'vitest';
import type { Insight } from '../insights/insight';
import { canReadInsight } from '../insights/visibility';
import type { Person } from '../people/person';
import { explainReaders } from './explain-readers';

const teams = [
  { id: 't-billing', name: 'Billing' },
  { id: 't-sales', name: 'Sales' },
];
const people: Pick<Person, 'id' | 'name' | 'teamId' | 'roles'>[] = [
  { id: 'p-ana', name: 'Ana', teamId: 't-billing', roles: ['frontline'] },
  { id: 'p-bo', name: 'Bo', teamId: 't-sales', roles: ['curator'] },
  { id: 'p-cy', name: 'Cy', teamId: null, roles: ['admin'] },
  { id: 'p-di', name: 'Di', teamId: 't-sales', roles: ['frontline'] },
];

describe('who may read an insight and why', () => {
  it('lists the team, the reporter and admins for a team insight, with their reasons', () => {
    const insight: Pick<Insight, 'reporterId' | 'visibility'> = {
      reporterId: 'p-di',
      visibility: { scope: 'team', teamId: 't-billing' },
    };
    const explained = explainReaders(insight, people, teams);
    expect(explained.rule).toContain('Billing');
    expect(explained.readers).toEqual([
      { personId: 'p-ana', name: 'Ana', reasons: ['team'] },
      { personId: 'p-cy', name: 'Cy', reasons: ['admin'] },
      { personId: 'p-di', name: 'Di', reasons: ['reporter'] },
    ]);
    expect(explained.excludedCount).toBe(1);
  });

  it('agrees with canReadInsight for every person and every kind of audience', () => {
    const audiences: Insight['visibility'][] = [
      { scope: 'everyone' },
      { scope: 'team', teamId: 't-sales' },
      { scope: 'people', personIds: ['p-bo'] },
    ];
    for (const visibility of audiences)
      for (const reporter of people) {
        const insight = { reporterId: reporter.id, visibility };
        const listed = new Set(explainReaders(insight, people, teams).readers.map((r) => r.personId));
        for (const p of people) expect(listed.has(p.id)).toBe(canReadInsight(p, insight));
      }
  });
});
