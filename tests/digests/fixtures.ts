import { createSubscriptionRepository, type Db } from '@heard/db';
import { buildGoal, buildInsight, buildPerson, buildTeam } from '@heard/db/testing';
import type { NewInsight, SubscriptionRequest } from '@heard/domain';

/** A week far from the demo data's dates, so nothing else falls into its period. */
export const WEEK = {
  subscribedAt: new Date('2030-01-01T00:00:00Z'),
  /** Monday 7 January 2030, 09:00 in Berlin. */
  due: new Date('2030-01-07T08:00:00Z'),
  /** A moment inside the week before it. */
  inside: new Date('2030-01-03T12:00:00Z'),
  /** Shortly after it was due: what the cron tick sees. */
  tick: new Date('2030-01-07T08:00:30Z'),
};

export const weeklyMonday = (overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
  scope: { kind: 'tag', tag: 'billing' },
  cadence: { kind: 'weekly', weekday: 1 },
  localTime: '09:00',
  timeZone: 'Europe/Berlin',
  channel: 'web',
  ...overrides,
});

export async function subscribe(
  db: Db,
  personId: string,
  request: SubscriptionRequest,
  at = WEEK.subscribedAt,
) {
  return createSubscriptionRepository(db).create(personId, request, at);
}

/** An insight posted inside the test week. */
export function insightThisWeek(db: Db, overrides: Partial<NewInsight> = {}) {
  return buildInsight(db, { createdAt: WEEK.inside, ...overrides });
}

/** Two teams, a goal, a reader in each team and an outsider named on nothing. */
export async function organisation(db: Db) {
  const [support, sales] = [await buildTeam(db, { name: 'Support' }), await buildTeam(db, { name: 'Sales' })];
  const supportLead = await buildPerson(db, { teamId: support.id, roles: ['leader'], name: 'Sue Support' });
  const salesLead = await buildPerson(db, { teamId: sales.id, roles: ['leader'], name: 'Sal Sales' });
  const admin = await buildPerson(db, { roles: ['admin'], name: 'Ada Admin' });
  const goal = await buildGoal(db, {
    title: 'Halve churn',
    mandate: { statement: 'Billing', teamIds: [support.id] },
  });
  return { support, sales, supportLead, salesLead, admin, goal };
}
