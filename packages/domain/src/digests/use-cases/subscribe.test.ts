import { describe, expect, it } from 'vitest';
import { isDomainError, isValidationError } from '../../shared/errors';
import type { Subscription, SubscriptionRequest } from '../subscription';
import type { SubscriptionRepository } from '../subscription-repository.port';
import { subscribe, unsubscribe } from './subscribe';

function inMemorySubscriptions(goalIds: string[] = ['goal-1']) {
  const rows: Array<Subscription & { endedAt: Date | null }> = [];
  const repository: SubscriptionRepository = {
    async create(personId, request, at) {
      const s = { id: `s${rows.length + 1}`, personId, ...request, createdAt: at, endedAt: null };
      rows.push(s);
      return s;
    },
    async listActive(personId) {
      return rows.filter((r) => r.personId === personId && !r.endedAt);
    },
    async findActive(id) {
      return rows.find((r) => r.id === id && !r.endedAt) ?? null;
    },
    async end(id, at) {
      const row = rows.find((r) => r.id === id && !r.endedAt);
      if (row) row.endedAt = at;
      return Boolean(row);
    },
    async scopeExists(scope) {
      return scope.kind !== 'goal' || goalIds.includes(scope.goalId);
    },
  };
  return {
    rows,
    deps: { subscriptions: repository, clock: { now: () => new Date('2030-01-01T00:00:00Z') } },
  };
}

const leader = {
  id: 'leader',
  email: 'l@example.com',
  name: 'Lee',
  teamId: null,
  roles: ['leader' as const],
  chat: {},
  createdAt: new Date(),
};
const weekly: SubscriptionRequest = {
  scope: { kind: 'goal', goalId: 'goal-1' },
  cadence: { kind: 'weekly', weekday: 1 },
  localTime: '09:00',
  timeZone: 'Europe/Berlin',
  channel: 'email',
};

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('subscribing to a digest', () => {
  it('subscribes anyone, once for the same scope, cadence, time and channel', async () => {
    const { deps, rows } = inMemorySubscriptions();
    expect((await subscribe(deps, { actor: leader, request: weekly })).created).toBe(true);
    expect((await subscribe(deps, { actor: leader, request: weekly })).created).toBe(false);
    expect((await subscribe(deps, { actor: leader, request: { ...weekly, channel: 'slack' } })).created).toBe(
      true,
    );
    expect(rows).toHaveLength(2);
  });

  it('says what to fix for a bad time, an unknown zone and an empty tag, all at once, storing nothing', async () => {
    const { deps, rows } = inMemorySubscriptions();
    const error = await refusal(
      subscribe(deps, {
        actor: leader,
        request: {
          ...weekly,
          scope: { kind: 'tag', tag: ' ' },
          localTime: '9am',
          timeZone: 'Europe/Atlantis',
        },
      }),
    );
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { field: string }[] }).issues.map((i) => i.field)).toEqual([
      'localTime',
      'timeZone',
      'scope',
    ]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a goal that does not exist', async () => {
    const { deps } = inMemorySubscriptions([]);
    const error = await refusal(subscribe(deps, { actor: leader, request: weekly }));
    expect(isDomainError(error) && error.code).toBe('SUBSCRIPTION.SCOPE.NOT_FOUND');
  });

  it('unsubscribes its owner, or a signed link; anyone else is told it does not exist', async () => {
    const { deps } = inMemorySubscriptions();
    const { subscription } = await subscribe(deps, { actor: leader, request: weekly });
    const error = await refusal(
      unsubscribe(deps, { actor: { id: 'someone-else' }, subscriptionId: subscription.id }),
    );
    expect(isDomainError(error) && error.code).toBe('SUBSCRIPTION.NOT_FOUND');
    await unsubscribe(deps, { actor: null, subscriptionId: subscription.id, viaSignedLink: true });
    expect(await deps.subscriptions.findActive(subscription.id)).toBeNull();
  });
});
