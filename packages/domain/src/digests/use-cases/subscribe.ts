import type { Person } from '../../people/person';
import type { Clock } from '../../shared/clock';
import { NotFoundError } from '../../shared/errors';
import {
  type Subscription,
  type SubscriptionRequest,
  scopeKey,
  validateSubscriptionRequest,
} from '../subscription';
import type { SubscriptionRepository } from '../subscription-repository.port';

export interface SubscriptionDeps {
  subscriptions: SubscriptionRepository;
  clock: Clock;
}

/**
 * Anyone may follow a scope. Asking again for the same scope, cadence, time and channel returns
 * the existing subscription instead of doubling every digest.
 */
export async function subscribe(
  deps: SubscriptionDeps,
  input: { actor: Person; request: SubscriptionRequest },
): Promise<{ subscription: Subscription; created: boolean }> {
  const request = validateSubscriptionRequest(input.request);
  if (!(await deps.subscriptions.scopeExists(request.scope))) {
    throw new NotFoundError('SUBSCRIPTION.SCOPE.NOT_FOUND', 'That goal or team no longer exists.');
  }
  const same = (await deps.subscriptions.listActive(input.actor.id)).find(
    (s) =>
      scopeKey(s.scope) === scopeKey(request.scope) &&
      s.channel === request.channel &&
      s.localTime === request.localTime &&
      s.timeZone === request.timeZone &&
      JSON.stringify(s.cadence) === JSON.stringify(request.cadence),
  );
  if (same) return { subscription: same, created: false };
  const subscription = await deps.subscriptions.create(input.actor.id, request, deps.clock.now());
  return { subscription, created: true };
}

/** Ends one of the actor's own subscriptions; someone else's is answered as not found, like a missing one. */
export async function unsubscribe(
  deps: SubscriptionDeps,
  input: { actor: Pick<Person, 'id'> | null; subscriptionId: string; viaSignedLink?: boolean },
): Promise<Subscription> {
  const subscription = await deps.subscriptions.findActive(input.subscriptionId);
  if (!subscription) {
    throw new NotFoundError('SUBSCRIPTION.NOT_FOUND', 'That subscription has already ended.');
  }
  // A signed link from the digest itself stands for its subscriber; otherwise it must be their own.
  if (!input.viaSignedLink && subscription.personId !== input.actor?.id) {
    throw new NotFoundError('SUBSCRIPTION.NOT_FOUND', 'That subscription has already ended.');
  }
  await deps.subscriptions.end(subscription.id, deps.clock.now());
  return subscription;
}
