import { describe, expect, it } from 'vitest';
import { duePeriod, latestOccurrence, nextOccurrence, periodEndingAt, previousOccurrence } from './schedule';
import type { Cadence } from './subscription';

const daily: Cadence = { kind: 'daily' };
const monday: Cadence = { kind: 'weekly', weekday: 1 };
const iso = (d: Date) => d.toISOString();
const utc = (s: string) => new Date(s);

describe('digest schedules in the reader’s time zone', () => {
  it('sends a daily digest at the local time, whatever the zone', () => {
    const berlin = { cadence: daily, localTime: '08:00', timeZone: 'Europe/Berlin' };
    const tokyo = { cadence: daily, localTime: '08:00', timeZone: 'Asia/Tokyo' };
    const now = utc('2026-06-10T12:00:00Z');
    expect(iso(latestOccurrence(berlin, now))).toBe('2026-06-10T06:00:00.000Z');
    expect(iso(latestOccurrence(tokyo, now))).toBe('2026-06-09T23:00:00.000Z');
  });

  it('waits until the local time on the day itself: one minute early is still yesterday’s', () => {
    const s = { cadence: daily, localTime: '09:30', timeZone: 'America/New_York' };
    expect(iso(latestOccurrence(s, utc('2026-06-10T13:29:00Z')))).toBe('2026-06-09T13:30:00.000Z');
    expect(iso(latestOccurrence(s, utc('2026-06-10T13:30:00Z')))).toBe('2026-06-10T13:30:00.000Z');
  });

  it('sends a weekly digest on the chosen weekday only, where that weekday is local', () => {
    // Monday 07:00 in Auckland is still Sunday in UTC.
    const s = { cadence: monday, localTime: '07:00', timeZone: 'Pacific/Auckland' };
    const occurrence = latestOccurrence(s, utc('2026-06-12T00:00:00Z'));
    expect(iso(occurrence)).toBe('2026-06-07T19:00:00.000Z');
    expect(occurrence.getUTCDay()).toBe(0);
    expect(iso(nextOccurrence(s, occurrence))).toBe('2026-06-14T19:00:00.000Z');
  });

  it('keeps the local time across the spring change: the day is 23 hours long, the digest still comes at 08:00', () => {
    const s = { cadence: daily, localTime: '08:00', timeZone: 'Europe/Berlin' };
    // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin.
    const before = nextOccurrence(s, utc('2026-03-28T00:00:00Z'));
    const after = nextOccurrence(s, before);
    expect(iso(before)).toBe('2026-03-28T07:00:00.000Z'); // 08:00 CET (+1)
    expect(iso(after)).toBe('2026-03-29T06:00:00.000Z'); // 08:00 CEST (+2)
    expect(after.getTime() - before.getTime()).toBe(23 * 3600_000);
    expect(iso(previousOccurrence(s, after))).toBe(iso(before));
  });

  it('keeps the local time across the autumn change: a 25-hour day, one digest', () => {
    const s = { cadence: daily, localTime: '08:00', timeZone: 'America/New_York' };
    // 1 November 2026: clocks go back from 02:00 to 01:00 in New York.
    const before = nextOccurrence(s, utc('2026-10-31T00:00:00Z'));
    const after = nextOccurrence(s, before);
    expect(iso(before)).toBe('2026-10-31T12:00:00.000Z'); // 08:00 EDT (-4)
    expect(iso(after)).toBe('2026-11-01T13:00:00.000Z'); // 08:00 EST (-5)
    expect(after.getTime() - before.getTime()).toBe(25 * 3600_000);
  });

  it('moves a local time that does not exist (the spring gap) forward, and sends once that day', () => {
    const s = { cadence: daily, localTime: '02:30', timeZone: 'Europe/Berlin' };
    const gapDay = nextOccurrence(s, utc('2026-03-28T12:00:00Z'));
    expect(iso(gapDay)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(nextOccurrence(s, gapDay))).toBe('2026-03-30T00:30:00.000Z'); // 02:30 CEST next day
  });

  it('sends once on the day a local time happens twice (the autumn repeat)', () => {
    const s = { cadence: daily, localTime: '02:30', timeZone: 'Europe/Berlin' };
    // 25 October 2026: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    const occurrences: string[] = [];
    let cursor = utc('2026-10-24T12:00:00Z');
    while (cursor < utc('2026-10-26T12:00:00Z')) {
      cursor = nextOccurrence(s, cursor);
      occurrences.push(iso(cursor));
    }
    const onThe25th = occurrences.filter((o) => o.startsWith('2026-10-25'));
    expect(onThe25th).toHaveLength(1);
    // Asking at any minute of that night finds the same single occurrence.
    expect(iso(latestOccurrence(s, utc('2026-10-25T01:45:00Z')))).toBe(onThe25th[0]);
  });

  it('covers a weekly period of seven local days even when the clocks changed inside it', () => {
    const s = { cadence: monday, localTime: '09:00', timeZone: 'Europe/London' };
    const occurrence = latestOccurrence(s, utc('2026-03-30T10:00:00Z')); // Monday after the change
    const period = periodEndingAt(s, occurrence, null);
    expect(iso(period.start)).toBe('2026-03-23T09:00:00.000Z'); // 09:00 GMT
    expect(iso(period.end)).toBe('2026-03-30T08:00:00.000Z'); // 09:00 BST
  });
});

describe('which digest is due', () => {
  const s = {
    cadence: daily,
    localTime: '08:00',
    timeZone: 'UTC',
    createdAt: utc('2026-06-01T10:00:00Z'),
  };

  it('is nothing before the first occurrence after subscribing', () => {
    expect(duePeriod(s, utc('2026-06-01T20:00:00Z'), null)).toBeNull();
    expect(duePeriod(s, utc('2026-06-02T08:00:00Z'), null)).toEqual({
      start: utc('2026-06-01T08:00:00Z'),
      end: utc('2026-06-02T08:00:00Z'),
    });
  });

  it('is nothing once that period was built', () => {
    expect(duePeriod(s, utc('2026-06-02T09:00:00Z'), utc('2026-06-02T08:00:00Z'))).toBeNull();
  });

  it('after downtime, covers everything since the last digest but not older than four steps', () => {
    expect(duePeriod(s, utc('2026-06-05T09:00:00Z'), utc('2026-06-03T08:00:00Z'))).toEqual({
      start: utc('2026-06-03T08:00:00Z'),
      end: utc('2026-06-05T08:00:00Z'),
    });
    expect(duePeriod(s, utc('2026-06-20T09:00:00Z'), utc('2026-06-03T08:00:00Z'))?.start).toEqual(
      utc('2026-06-16T08:00:00Z'),
    );
  });
});
