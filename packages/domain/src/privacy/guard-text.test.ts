import { describe, expect, it } from 'vitest';
import { anonymiseText, guardText } from './guard-text';
import { completePiiPolicy, DEFAULT_PII_POLICY } from './pii-policy';

describe('guarding a text with the intake policy', () => {
  it('masks everything by default and keeps aside only the originals the policy allows', () => {
    const guarded = guardText('Anna anna@example.com paid with 4111 1111 1111 1111', DEFAULT_PII_POLICY);
    expect(guarded.text).toBe('Anna [email address hidden] paid with [card ending 1111]');
    expect(guarded.findings.map((f) => [f.kind, f.action, f.original])).toEqual([
      ['email', 'masked', 'anna@example.com'],
      ['card', 'masked', null],
    ]);
    for (const f of guarded.findings) expect(guarded.text.slice(f.start, f.end)).toBe(f.shown);
    expect(guarded.rejected).toEqual([]);
  });

  it('keeps and flags a kind the policy flags', () => {
    const policy = completePiiPolicy({ address: { action: 'flag' } });
    const guarded = guardText('Moved to 42 Elm Grove Road', policy);
    expect(guarded.text).toBe('Moved to 42 Elm Grove Road');
    expect(guarded.findings).toMatchObject([
      { kind: 'address', action: 'flagged', shown: '42 Elm Grove Road' },
    ]);
  });

  it('reports what a rejecting policy refuses', () => {
    const policy = completePiiPolicy({ card: { action: 'reject' } });
    expect(guardText('card 4111 1111 1111 1111', policy).rejected).toMatchObject([{ kind: 'card' }]);
  });

  it('a stored policy missing kinds or naming unknown actions falls back to masking', () => {
    const policy = completePiiPolicy({
      email: { action: 'nonsense' as never, keepOriginal: true },
      phone: undefined,
    });
    expect(policy.email).toEqual(DEFAULT_PII_POLICY.email);
    expect(policy.phone).toEqual(DEFAULT_PII_POLICY.phone);
    expect(completePiiPolicy({ card: { action: 'flag', keepOriginal: true } }).card).toEqual({
      action: 'flag',
      keepOriginal: false,
    });
  });

  it('anonymising masks every kind whatever the policy', () => {
    expect(anonymiseText('call +44 20 7946 0958 at 9 Oak Lane')).toBe(
      'call [phone number hidden] at [street address hidden]',
    );
  });
});
