import type { DigestContent } from '@heard/domain';

/** A full digest with every section, and text that tries to break each format's markup. */
export const SAMPLE_DIGEST: DigestContent = {
  scope: { kind: 'goal', goalId: '00000000-0000-4000-8000-000000000001' },
  scopeLabel: 'Goal: Halve billing complaints by Q3',
  channel: 'email',
  cadence: 'weekly',
  period: { start: '2030-01-01T08:00:00.000Z', end: '2030-01-08T08:00:00.000Z' },
  insights: [
    {
      id: '00000000-0000-4000-8000-0000000000a1',
      title: 'Acme is charged twice <every> month & | angry',
      excerpt: 'Acme sees two invoices for one plan; finance calls us every time.',
      kind: 'pain',
      evidenceCount: 4,
      reactionCount: 3,
      customerValue: 250_000,
      customerNames: ['Acme', 'Kestrel Freight'],
    },
    {
      id: '00000000-0000-4000-8000-0000000000a2',
      title: 'Proration is a mystery',
      excerpt: 'Nobody can explain the proration line.',
      kind: 'request',
      evidenceCount: 1,
      reactionCount: 0,
      customerValue: 0,
      customerNames: [],
    },
  ],
  stories: [
    {
      insightId: '00000000-0000-4000-8000-0000000000a1',
      headline: 'Acme pays twice, and says so',
      summary: 'How a double charge nearly cost us an account.',
      pullQuote: 'We paid twice and nobody noticed.',
      imageUrl: '/uploads/acme.jpg',
    },
  ],
  goals: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'Halve billing complaints by Q3',
      kpiName: 'Billing tickets per week',
      unit: 'tickets',
      baseline: 120,
      target: 60,
      current: 94,
      before: 101,
      measurements: [
        { at: '2029-11-01T00:00:00.000Z', value: 118 },
        { at: '2029-12-01T00:00:00.000Z', value: 101 },
        { at: '2030-01-05T00:00:00.000Z', value: 94 },
      ],
    },
  ],
  actionsOpened: [
    {
      id: '00000000-0000-4000-8000-0000000000c1',
      title: 'Explain proration on the invoice',
      goalId: '00000000-0000-4000-8000-000000000001',
      goalTitle: 'Halve billing complaints by Q3',
      assigneeName: 'Sam Carter',
    },
  ],
  actionsCompleted: [
    {
      id: '00000000-0000-4000-8000-0000000000c2',
      title: 'Stop double charges on plan changes',
      goalId: '00000000-0000-4000-8000-000000000001',
      goalTitle: 'Halve billing complaints by Q3',
      assigneeName: 'Hannah Weiss',
    },
  ],
  evaluations: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      goalId: '00000000-0000-4000-8000-000000000001',
      goalTitle: 'Halve billing complaints by Q3',
      actionTitle: 'Stop double charges on plan changes',
      result: 'better',
      kpiValue: 94,
      note: 'Double-charge tickets fell from 30 to 4.',
    },
  ],
  counts: { insights: 17, stories: 1, actionsOpened: 1, actionsCompleted: 1, evaluations: 1 },
  changes: 'Since the last digest: 17 new insights (up from 11); 1 action completed.',
};
