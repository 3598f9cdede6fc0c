import { describe, expect, it } from 'vitest';
import { checkRetentionPolicy, type RetentionPolicy, retentionCutoff, sourcesCoveredBy } from './retention';

const policy = (p: Partial<RetentionPolicy>): RetentionPolicy => ({
  id: 'x',
  data: 'insight_text',
  source: null,
  keepDays: 365,
  afterwards: 'anonymise',
  ...p,
});

describe('retention policies', () => {
  it('are due keepDays before now', () => {
    expect(retentionCutoff({ keepDays: 365 }, new Date('2026-01-01T00:00:00Z')).toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    );
  });

  it('an every-source policy covers only sources without their own', () => {
    const all = [policy({ source: 'slack', keepDays: 30 }), policy({ source: null })];
    expect(sourcesCoveredBy(all[1]!, all)).toEqual(['teams', 'web', 'api', 'import', 'email']);
    expect(sourcesCoveredBy(all[0]!, all)).toEqual(['slack']);
  });

  it('refuses policies that make no sense, saying what to fix', () => {
    expect(
      checkRetentionPolicy({ data: 'insight_text', source: 'slack', keepDays: 365, afterwards: 'anonymise' }),
    ).toEqual({});
    expect(
      checkRetentionPolicy({ data: 'insight_text', source: null, keepDays: 0, afterwards: 'delete' }),
    ).toEqual({
      keepDays: expect.stringContaining('between 1 and 36,500'),
      afterwards: expect.stringContaining('anonymise'),
    });
    expect(
      checkRetentionPolicy({ data: 'notifications', source: 'web', keepDays: 5, afterwards: 'delete' }),
    ).toEqual({
      source: 'Only insight text can have a policy per source.',
    });
  });
});
