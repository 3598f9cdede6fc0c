import { DateTime } from 'luxon';
import type { Cadence, Subscription } from './subscription';

type Schedule = Pick<Subscription, 'cadence' | 'localTime' | 'timeZone'>;

/** The period one digest covers: from `start` (inclusive) to `end` (exclusive), in UTC instants. */
export interface DigestPeriod {
  start: Date;
  end: Date;
}

/** At most this many cadence steps are caught up after downtime; older news is not news. */
const MAX_CATCH_UP_STEPS = 4;

function at(day: DateTime, localTime: string): DateTime {
  const [hour, minute] = localTime.split(':').map(Number) as [number, number];
  // A wall time that does not exist (the spring-forward gap) is moved forward by luxon, e.g. 02:30
  // becomes 03:30; an ambiguous one (the autumn repeat) resolves to one instant (luxon takes the
  // standard-time one), so the day still has exactly one occurrence.
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: day.zone },
  );
}

const isSendDay = (day: DateTime, cadence: Cadence) =>
  cadence.kind === 'daily' || day.weekday % 7 === cadence.weekday;

/** Steps are taken in local calendar days, never in hours, so a 23- or 25-hour day changes nothing. */
function stepDays(cadence: Cadence): number {
  return cadence.kind === 'daily' ? 1 : 7;
}

/**
 * The latest moment at or before `now` when this subscription's digest is due: its local time on a
 * send day, in the subscriber's time zone.
 */
export function latestOccurrence(schedule: Schedule, now: Date): Date {
  let day = DateTime.fromJSDate(now, { zone: schedule.timeZone }).startOf('day');
  for (let i = 0; i < 9; i++) {
    if (isSendDay(day, schedule.cadence)) {
      const candidate = at(day, schedule.localTime);
      if (candidate.toMillis() <= now.getTime()) return candidate.toJSDate();
    }
    day = day.minus({ days: 1 });
  }
  throw new Error('unreachable: every week has a send day');
}

/** The first moment strictly after `after` when the digest is due. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  let day = DateTime.fromJSDate(after, { zone: schedule.timeZone }).startOf('day');
  for (let i = 0; i < 9; i++) {
    if (isSendDay(day, schedule.cadence)) {
      const candidate = at(day, schedule.localTime);
      if (candidate.toMillis() > after.getTime()) return candidate.toJSDate();
    }
    day = day.plus({ days: 1 });
  }
  throw new Error('unreachable: every week has a send day');
}

/** The occurrence one cadence step before `occurrence`, in local calendar terms. */
export function previousOccurrence(schedule: Schedule, occurrence: Date): Date {
  const local = DateTime.fromJSDate(occurrence, { zone: schedule.timeZone }).startOf('day');
  return at(local.minus({ days: stepDays(schedule.cadence) }), schedule.localTime).toJSDate();
}

/**
 * The period the digest due at `occurrence` covers: since the end of the last digest built for the
 * subscription (so nothing falls between two digests after downtime), otherwise one cadence step;
 * never more than a few steps back.
 */
export function periodEndingAt(schedule: Schedule, occurrence: Date, lastEnd: Date | null): DigestPeriod {
  let earliest = occurrence;
  for (let i = 0; i < MAX_CATCH_UP_STEPS; i++) earliest = previousOccurrence(schedule, earliest);
  const oneStep = previousOccurrence(schedule, occurrence);
  const start = lastEnd && lastEnd < occurrence ? (lastEnd < earliest ? earliest : lastEnd) : oneStep;
  return { start, end: occurrence };
}

/**
 * The digest due now for a subscription, if one is: its latest occurrence, provided it came after
 * the subscription was made and is later than the last period already built.
 */
export function duePeriod(
  subscription: Schedule & Pick<Subscription, 'createdAt'>,
  now: Date,
  lastEnd: Date | null,
): DigestPeriod | null {
  const occurrence = latestOccurrence(subscription, now);
  if (!isDue(subscription, occurrence, lastEnd)) return null;
  return periodEndingAt(subscription, occurrence, lastEnd);
}

/** Whether the digest due at `occurrence` is still to be built: after subscribing, after the last one. */
export function isDue(
  subscription: Pick<Subscription, 'createdAt'>,
  occurrence: Date,
  lastEnd: Date | null,
): boolean {
  return occurrence > subscription.createdAt && !(lastEnd && occurrence <= lastEnd);
}
