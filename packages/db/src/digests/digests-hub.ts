import {
  type Clock,
  describeCadence,
  type Person,
  readScopeFor,
  type Subscription,
  type SubscriptionRequest,
  subscribe,
  systemClock,
  unsubscribe,
} from '@heard/domain';
import type { Db } from '../repositories/db';
import { readableBy } from '../repositories/feed.query';
import { createDigestStore } from './digest.store';
import { createSubscriptionRepository, subscriptionToDomain } from './subscription.repository';
import { verifyUnsubscribeToken } from './unsubscribe-link';

/** A subscription as the settings page lists it. */
export interface SubscriptionView {
  id: string;
  scopeLabel: string;
  cadenceLabel: string;
  channel: Subscription['channel'];
  subscription: Subscription;
}

async function labelScopes(db: Db, subscriptions: Subscription[]): Promise<SubscriptionView[]> {
  const goalIds = subscriptions.flatMap((s) => (s.scope.kind === 'goal' ? [s.scope.goalId] : []));
  const teamIds = subscriptions.flatMap((s) => (s.scope.kind === 'team' ? [s.scope.teamId] : []));
  const [goals, teams] = await Promise.all([
    goalIds.length ? db`select id, title from goals where id = any(${goalIds}::uuid[])` : [],
    teamIds.length ? db`select id, name from teams where id = any(${teamIds}::uuid[])` : [],
  ]);
  const goalTitle = new Map(goals.map((g) => [g.id as string, g.title as string]));
  const teamName = new Map(teams.map((t) => [t.id as string, t.name as string]));
  return subscriptions.map((s) => ({
    id: s.id,
    subscription: s,
    channel: s.channel,
    cadenceLabel: describeCadence(s),
    scopeLabel:
      s.scope.kind === 'goal'
        ? `Goal: ${goalTitle.get(s.scope.goalId) ?? 'removed'}`
        : s.scope.kind === 'team'
          ? `Team: ${teamName.get(s.scope.teamId) ?? 'removed'}`
          : s.scope.kind === 'tag'
            ? `Tag: #${s.scope.tag}`
            : s.scope.kind === 'segment'
              ? `Segment: ${s.scope.segment}`
              : 'All published stories',
  }));
}

/** What the web hub offers around digests: the person's subscriptions, their archive, signed unsubscribes. */
export function createDigestsHub(db: Db, clock: Clock = systemClock) {
  const deps = { subscriptions: createSubscriptionRepository(db), clock };
  const store = createDigestStore(db);
  return {
    async subscriptionsOf(personId: string): Promise<SubscriptionView[]> {
      return labelScopes(db, await deps.subscriptions.listActive(personId));
    },
    subscribe: (actor: Person, request: SubscriptionRequest) => subscribe(deps, { actor, request }),
    unsubscribe: (actor: Person, subscriptionId: string) => unsubscribe(deps, { actor, subscriptionId }),
    /** The subscription a signed link stands for, labelled, whether or not it is still active. */
    async readSignedLink(token: string): Promise<{ view: SubscriptionView; active: boolean } | null> {
      const id = await verifyUnsubscribeToken(db, token);
      if (!id) return null;
      const [row] = await db`select *, ended_at is null as active from subscriptions where id = ${id}`;
      if (!row) return null;
      const [view] = await labelScopes(db, [subscriptionToDomain(row)]);
      return { view: view!, active: row.active as boolean };
    },
    /** Ends the subscription a signed link names; true when the link is genuine (ended now or before). */
    async unsubscribeWithSignedLink(token: string): Promise<boolean> {
      const id = await verifyUnsubscribeToken(db, token);
      if (!id) return false;
      await deps.subscriptions.end(id, clock.now());
      return true;
    },
    archive: (personId: string) => store.listForPerson(personId),
    /**
     * One of the reader's digests as it should read today: an insight erased since, or no longer
     * readable by them (its audience narrowed), is left out of the stored copy.
     */
    async digest(id: string, reader: Pick<Person, 'id' | 'teamId' | 'roles'>) {
      const digest = await store.findForPerson(id, reader.id);
      if (!digest) return null;
      const { content } = digest;
      const ids = [...content.insights.map((i) => i.id), ...content.stories.map((s) => s.insightId)];
      const readable = new Set(
        ids.length
          ? (
              await db`select i.id from insights i
                       where i.id = any(${ids}::uuid[]) and ${readableBy(db, readScopeFor(reader))}`
            ).map((r) => r.id as string)
          : [],
      );
      return {
        ...digest,
        content: {
          ...content,
          insights: content.insights.filter((i) => readable.has(i.id)),
          stories: content.stories.filter((s) => readable.has(s.insightId)),
        },
      };
    },
    /** For admins: digests that could not be delivered (who, where, why; not their content). */
    undeliverable: () => store.listUndeliverable(),
  };
}

export type DigestsHub = ReturnType<typeof createDigestsHub>;
