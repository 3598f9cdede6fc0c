import { describe, expect, it } from 'vitest';
import {
  composeDigest,
  type DigestCandidate,
  type DigestMaterial,
  describeChanges,
  digestScore,
  isEmptyDigest,
  kpiTrend,
} from './digest';
import { kpiChartSvg } from './kpi-chart';

const reader = { id: 'reader', teamId: 'support', roles: ['leader' as const] };

function candidate(overrides: Partial<DigestCandidate>): DigestCandidate {
  return {
    id: 'i',
    title: 'Heard something',
    excerpt: 'Heard something',
    kind: 'pain',
    reporterId: 'someone',
    visibility: { scope: 'everyone' },
    evidenceCount: 0,
    reactionCount: 0,
    customerValue: 0,
    customerNames: [],
    createdAt: new Date('2026-06-01T10:00:00Z'),
    ...overrides,
  };
}

function material(candidates: DigestCandidate[]): DigestMaterial {
  return {
    scopeLabel: 'Billing',
    candidates,
    readableInsightCount: 0,
    stories: [],
    goals: [],
    actionsOpened: [],
    actionsCompleted: [],
    evaluations: [],
  };
}

const meta = {
  scope: { kind: 'stories' as const },
  channel: 'web' as const,
  cadence: 'weekly' as const,
  period: { start: new Date('2026-06-01T00:00:00Z'), end: new Date('2026-06-08T00:00:00Z') },
  previous: null,
};

describe('composing a digest for one reader', () => {
  it('ranks by evidence first, then reactions, then customer value', () => {
    const digest = composeDigest(
      reader,
      material([
        candidate({ id: 'valuable', customerValue: 900_000 }),
        candidate({ id: 'liked', reactionCount: 4 }),
        candidate({ id: 'evidenced', evidenceCount: 3 }),
      ]),
      meta,
    );
    expect(digest.insights.map((i) => i.id)).toEqual(['evidenced', 'liked', 'valuable']);
    expect(digestScore({ evidenceCount: 1, reactionCount: 0, customerValue: 0 })).toBeGreaterThan(
      digestScore({ evidenceCount: 0, reactionCount: 2, customerValue: 0 }),
    );
  });

  it('leaves out every insight the reader may not read, stories included', () => {
    const digest = composeDigest(
      reader,
      {
        ...material([
          candidate({ id: 'open' }),
          candidate({ id: 'other-team', visibility: { scope: 'team', teamId: 'sales' } }),
          candidate({ id: 'my-team', visibility: { scope: 'team', teamId: 'support' } }),
          candidate({ id: 'named-others', visibility: { scope: 'people', personIds: ['x'] } }),
          candidate({ id: 'named-me', visibility: { scope: 'people', personIds: ['reader'] } }),
        ]),
        stories: [
          {
            insightId: 'secret-story',
            reporterId: 'x',
            visibility: { scope: 'people', personIds: ['x'] },
            headline: 'Secret',
            summary: '',
            pullQuote: null,
            imageUrl: null,
          },
        ],
      },
      meta,
    );
    expect(digest.insights.map((i) => i.id).sort()).toEqual(['my-team', 'named-me', 'open']);
    expect(digest.stories).toEqual([]);
    expect(JSON.stringify(digest)).not.toContain('visibility');
  });

  it('keeps the eight best of many', () => {
    const many = Array.from({ length: 20 }, (_, n) => candidate({ id: `i${n}`, reactionCount: n }));
    const digest = composeDigest(reader, { ...material(many), readableInsightCount: 20 }, meta);
    expect(digest.insights).toHaveLength(8);
    expect(digest.insights[0]!.id).toBe('i19');
    expect(digest.counts.insights).toBe(20);
  });

  it('is empty when nothing happened in scope', () => {
    const digest = composeDigest(reader, material([]), meta);
    expect(isEmptyDigest(digest.counts)).toBe(true);
    expect(isEmptyDigest({ ...digest.counts, evaluations: 1 })).toBe(false);
  });
});

describe('what changed since the last digest', () => {
  const counts = { insights: 12, stories: 1, actionsOpened: 0, actionsCompleted: 2, evaluations: 0 };
  it('says it is the first one when there was none', () => {
    expect(describeChanges(counts, [], null)).toBe('First digest: 12 new insights.');
  });
  it('compares counts and KPI values with the previous digest', () => {
    const line = describeChanges(
      counts,
      [
        {
          id: 'g',
          title: 'Churn',
          kpiName: 'Monthly churn',
          unit: '%',
          baseline: 8,
          target: 4,
          current: 5.4,
          before: 6.1,
          measurements: [],
        },
      ],
      { ...counts, insights: 7, stories: 0 },
    );
    expect(line).toBe(
      'Since the last digest: 12 new insights (up from 7); 1 story published; 2 actions completed; Monthly churn 6.1% → 5.4%.',
    );
  });
  it('points the trend arrow the way the value moved and says whether that is good', () => {
    expect(kpiTrend({ current: 5, before: 6, baseline: 8, target: 4 })).toEqual({
      arrow: ' ↓',
      improving: true,
    });
    expect(kpiTrend({ current: 30, before: 25, baseline: 22, target: 40 })).toEqual({
      arrow: ' ↑',
      improving: true,
    });
    expect(kpiTrend({ current: 7, before: 6, baseline: 8, target: 4 })).toEqual({
      arrow: ' ↑',
      improving: false,
    });
  });
});

describe('the KPI chart', () => {
  it('draws the measurements as a line between baseline and target, with escaped labels', () => {
    const svg = kpiChartSvg({
      id: 'g',
      title: 'Churn',
      kpiName: 'Churn <monthly>',
      unit: '%',
      baseline: 8,
      target: 4,
      current: 5,
      before: 6,
      measurements: [
        { at: '2026-05-01T00:00:00Z', value: 7 },
        { at: '2026-05-15T00:00:00Z', value: 6 },
        { at: '2026-06-01T00:00:00Z', value: 5 },
      ],
    });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('<polyline');
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg).toContain('Churn &lt;monthly&gt;: 5% (target 4%)');
    expect(svg).not.toContain('<monthly>');
  });
});
