import { IANAZone } from 'luxon';
import { IssueCollector } from '../shared/errors';

export type SubscriptionScope =
  | { kind: 'goal'; goalId: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'segment'; segment: string }
  | { kind: 'stories' };

export type Cadence = { kind: 'daily' } | { kind: 'weekly'; weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6 };

export const DIGEST_CHANNELS = ['slack', 'teams', 'email', 'web'] as const;
export type DigestChannel = (typeof DIGEST_CHANNELS)[number];

export const SCOPE_KINDS = ['goal', 'tag', 'team', 'segment', 'stories'] as const;
export type ScopeKind = SubscriptionScope['kind'];

/** Sunday first, as `Cadence.weekday` counts. */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** A person following a scope at a cadence, delivered on one channel. */
export interface Subscription {
  id: string;
  personId: string;
  scope: SubscriptionScope;
  cadence: Cadence;
  /** Local time of day, "HH:MM", in the subscriber's time zone. */
  localTime: string;
  timeZone: string;
  channel: DigestChannel;
  createdAt: Date;
}

/** What someone asks for when subscribing, before it is checked. */
export interface SubscriptionRequest {
  scope: SubscriptionScope;
  cadence: Cadence;
  localTime: string;
  timeZone: string;
  channel: DigestChannel;
}

const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** True for an IANA zone name the runtime knows ("Europe/Berlin", "UTC"). */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Checks a request field by field; throws every problem at once, each saying what to fix. */
export function validateSubscriptionRequest(request: SubscriptionRequest): SubscriptionRequest {
  const issues = new IssueCollector();
  if (!LOCAL_TIME.test(request.localTime)) {
    issues.add('localTime', 'SUBSCRIPTION.TIME.INVALID', 'Give the time as HH:MM, for example 08:30.');
  }
  if (!isKnownTimeZone(request.timeZone)) {
    issues.add(
      'timeZone',
      'SUBSCRIPTION.TIME_ZONE.UNKNOWN',
      `"${request.timeZone}" is not a time zone we know: pick one such as Europe/Berlin or America/New_York.`,
    );
  }
  if (!DIGEST_CHANNELS.includes(request.channel)) {
    issues.add('channel', 'SUBSCRIPTION.CHANNEL.UNKNOWN', 'Choose Slack, Teams, email or web.');
  }
  const cadence = request.cadence;
  if (
    cadence.kind === 'weekly' &&
    !(Number.isInteger(cadence.weekday) && cadence.weekday >= 0 && cadence.weekday <= 6)
  ) {
    issues.add('weekday', 'SUBSCRIPTION.WEEKDAY.INVALID', 'Choose the day of the week the digest comes.');
  }
  const scope = request.scope;
  if (scope.kind === 'tag' && !scope.tag.trim()) {
    issues.add('scope', 'SUBSCRIPTION.SCOPE.EMPTY', 'Name the tag to follow.');
  }
  if (scope.kind === 'segment' && !scope.segment.trim()) {
    issues.add('scope', 'SUBSCRIPTION.SCOPE.EMPTY', 'Name the customer segment to follow.');
  }
  issues.throwIfAny();
  return request;
}

/** The same scope, written the same way, so "already subscribed" can be recognised. */
export function scopeKey(scope: SubscriptionScope): string {
  switch (scope.kind) {
    case 'goal':
      return `goal:${scope.goalId}`;
    case 'tag':
      return `tag:${scope.tag.trim().toLowerCase()}`;
    case 'team':
      return `team:${scope.teamId}`;
    case 'segment':
      return `segment:${scope.segment.trim()}`;
    case 'stories':
      return 'stories';
  }
}

/** "daily at 08:30" / "every Monday at 09:00", with the zone. */
export function describeCadence(s: Pick<Subscription, 'cadence' | 'localTime' | 'timeZone'>): string {
  const when = s.cadence.kind === 'daily' ? 'Daily' : `Every ${WEEKDAYS[s.cadence.weekday]}`;
  return `${when} at ${s.localTime} (${s.timeZone})`;
}
