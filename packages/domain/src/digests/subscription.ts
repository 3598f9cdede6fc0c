export type SubscriptionScope =
  | { kind: 'goal'; goalId: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'segment'; segment: string }
  | { kind: 'stories' };

export type Cadence = { kind: 'daily' } | { kind: 'weekly'; weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6 };

export const DIGEST_CHANNELS = ['slack', 'teams', 'email', 'web'] as const;
export type DigestChannel = (typeof DIGEST_CHANNELS)[number];

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
