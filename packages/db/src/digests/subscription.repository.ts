import type { Subscription, SubscriptionRepository, SubscriptionRequest } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';

export function subscriptionToDomain(row: Row): Subscription {
  return {
    id: row.id as string,
    personId: row.person_id as string,
    scope: row.scope as Subscription['scope'],
    cadence: row.cadence as Subscription['cadence'],
    localTime: row.local_time as string,
    timeZone: row.time_zone as string,
    channel: row.channel as Subscription['channel'],
    createdAt: asDate(row.created_at),
  };
}

/** Subscriptions in PostgreSQL; ending one keeps the row so its digests stay in the archive. */
export function createSubscriptionRepository(db: Db): SubscriptionRepository & {
  /** Every active subscription, for the scheduler. */
  listAllActive(): Promise<Subscription[]>;
} {
  return {
    async create(personId: string, request: SubscriptionRequest, at: Date) {
      const [row] = await db`
        insert into subscriptions (person_id, scope, cadence, local_time, time_zone, channel, created_at)
        values (${personId}, ${db.json(request.scope as never)}, ${db.json(request.cadence as never)},
                ${request.localTime}, ${request.timeZone}, ${request.channel}, ${at})
        returning *`;
      return subscriptionToDomain(row!);
    },
    async listActive(personId: string) {
      const rows = await db`
        select * from subscriptions where person_id = ${personId} and ended_at is null order by created_at, id`;
      return rows.map(subscriptionToDomain);
    },
    async findActive(id: string) {
      if (!isUuid(id)) return null;
      const [row] = await db`select * from subscriptions where id = ${id} and ended_at is null`;
      return row ? subscriptionToDomain(row) : null;
    },
    async end(id: string, at: Date) {
      if (!isUuid(id)) return false;
      const rows = await db`
        update subscriptions set ended_at = ${at} where id = ${id} and ended_at is null returning id`;
      return rows.length > 0;
    },
    async scopeExists(scope) {
      if (scope.kind === 'goal') {
        return isUuid(scope.goalId) && (await db`select 1 from goals where id = ${scope.goalId}`).length > 0;
      }
      if (scope.kind === 'team') {
        return isUuid(scope.teamId) && (await db`select 1 from teams where id = ${scope.teamId}`).length > 0;
      }
      return true;
    },
    async listAllActive() {
      const rows = await db`select * from subscriptions where ended_at is null order by id`;
      return rows.map(subscriptionToDomain);
    },
  };
}
