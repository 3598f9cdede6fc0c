import type { Subscription, SubscriptionRequest } from './subscription';

/** Where subscriptions live; an ended one is kept so its past digests stay in the archive. */
export interface SubscriptionRepository {
  create(personId: string, request: SubscriptionRequest, at: Date): Promise<Subscription>;
  /** The person's active subscriptions, oldest first. */
  listActive(personId: string): Promise<Subscription[]>;
  findActive(id: string): Promise<Subscription | null>;
  /** Ends it; false when it was not active. */
  end(id: string, at: Date): Promise<boolean>;
  /** Whether the scope names something that exists (a goal, a team). */
  scopeExists(scope: Subscription['scope']): Promise<boolean>;
}
