import { beforeEach, describe, expect, it } from 'vitest';
import { postInsight } from '../insights/use-cases/post-insight';
import { isValidationError } from '../shared/errors';
import { createWorld, type World } from '../testing';
import type { GuardedFinding } from './guard-text';
import { completePiiPolicy, type PiiPolicy } from './pii-policy';
import type { PrivacyStore, RecordedFinding } from './privacy-store.port';

/** An honest in-memory privacy store: a policy and the findings recorded per insight. */
function memoryPrivacy(policy: PiiPolicy) {
  const recorded: (RecordedFinding & { insightId: string; original: string | null })[] = [];
  const store: PrivacyStore = {
    policy: async () => policy,
    async recordFindings(insightId, field, findings: GuardedFinding[], at) {
      for (const f of findings)
        recorded.push({
          ...f,
          id: String(recorded.length + 1),
          insightId,
          field,
          hasOriginal: f.original !== null,
          at,
        });
    },
    findingsFor: async (insightId) => recorded.filter((r) => r.insightId === insightId),
  };
  return { store, recorded };
}

let w: World;
beforeEach(() => {
  w = createWorld();
});

const post = (body: string, title?: string) =>
  postInsight(w.deps, {
    actor: w.people.frontline,
    body,
    title,
    kind: 'pain',
    sentiment: 'negative',
    source: { kind: 'slack', externalId: null },
  });

describe('personal data at intake, in the use case every source calls', () => {
  it('masks by default even where no privacy store is configured, and tells the reporter why', async () => {
    const { insight, privacy } = await post('Call Jo on +44 20 7946 0958 about the refund.');
    expect(insight.body).toBe('Call Jo on [phone number hidden] about the refund.');
    expect(insight.title).toBe('Call Jo on [phone number hidden] about the refund.');
    expect(privacy).toEqual([
      {
        field: 'body',
        kind: 'phone',
        action: 'masked',
        shown: '[phone number hidden]',
        reason: expect.stringContaining('phone number identifies a person'),
      },
    ]);
  });

  it('scans a given title too, and records findings with originals only where the policy keeps them', async () => {
    const { store, recorded } = memoryPrivacy(
      completePiiPolicy({ email: { action: 'mask', keepOriginal: false } }),
    );
    w.deps.privacy = store;
    const { insight } = await post('She wrote from kim@example.net', 'Kim (kim@example.net) is unhappy');
    expect(insight.title).toBe('Kim ([email address hidden]) is unhappy');
    expect(recorded.map((r) => [r.field, r.kind, r.original])).toEqual([
      ['title', 'email', null],
      ['body', 'email', null],
    ]);
    expect(w.state.audit.map((a) => a.action)).toContain('insight.pii_guarded');
  });

  it('refuses, storing nothing, when the policy rejects what it finds', async () => {
    w.deps.privacy = memoryPrivacy(completePiiPolicy({ iban: { action: 'reject' } })).store;
    const before = w.state.insights.size;
    const error = await post('Refund to DE89 3704 0044 0532 0130 00').catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Remove the bank account number (IBAN) from the text and share again: this organisation does not accept them in insights.',
    );
    expect(w.state.insights.size).toBe(before);
  });
});
