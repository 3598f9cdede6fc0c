import {
  composeDigest,
  type DigestCounts,
  isDue,
  isEmptyDigest,
  latestOccurrence,
  periodEndingAt,
  readScopeFor,
} from '@heard/domain';
import type postgres from 'postgres';
import { asDate, type Db, isUuid } from '../repositories/db';
import { createPersonRepository } from '../repositories/person.repository';
import { loadDigestMaterial } from './digest-material.query';
import { subscriptionToDomain } from './subscription.repository';

/** Builds one (subscription, period); its job key names both, so it is queued once. */
export const DIGEST_BUILD_TASK = 'digest-build';
/** Sends one built digest on its channel. */
export const DIGEST_DELIVER_TASK = 'digest-deliver';
/** Finds the digests that are due and queues their builds; run by cron every minute. */
export const DIGEST_TICK_TASK = 'digest-tick';

export interface DigestBuildPayload {
  subscriptionId: string;
  /** The period's end (the occurrence it is due at), ISO 8601. */
  periodEnd: string;
}

export interface DigestDeliverPayload {
  digestId: string;
}

/** Deliveries are retried with the queue's exponential backoff this many times before giving up. */
export const DELIVERY_ATTEMPTS = 6;

/** The job key of a build: one job per (subscription, period), however many ticks see it due. */
export const buildJobKey = (p: DigestBuildPayload) => `digest:${p.subscriptionId}:${p.periodEnd}`;

/**
 * Queues a build for every subscription whose digest is due at `now` (in its reader's time zone)
 * and not yet built. Two workers ticking at once queue each build once (job keys); a build that
 * already happened is skipped (the digests table's unique key).
 */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export async function queueDueDigests(sql: postgres.Sql<{}>, now: Date): Promise<{ queued: number }> {
  // A deactivated person receives nothing; their subscriptions wait, in case they come back.
  const rows = await sql`
    select s.* from subscriptions s join people p on p.id = s.person_id
    where s.ended_at is null and p.deactivated_at is null order by s.id`;
  const subscriptions = rows.map((r) => ({
    ...subscriptionToDomain(r),
    lastEnd: r.last_period_end ? asDate(r.last_period_end) : null,
  }));
  const specs: Array<Record<string, unknown>> = [];
  // Many subscriptions share a schedule (zone, time, cadence): work each one out once per tick.
  const occurrences = new Map<string, Date>();
  for (const subscription of subscriptions) {
    const key = `${subscription.timeZone}|${subscription.localTime}|${JSON.stringify(subscription.cadence)}`;
    let occurrence = occurrences.get(key);
    if (!occurrence) {
      occurrence = latestOccurrence(subscription, now);
      occurrences.set(key, occurrence);
    }
    if (!isDue(subscription, occurrence, subscription.lastEnd)) continue;
    const payload: DigestBuildPayload = {
      subscriptionId: subscription.id,
      periodEnd: occurrence.toISOString(),
    };
    specs.push({ identifier: DIGEST_BUILD_TASK, payload, job_key: buildJobKey(payload), max_attempts: 10 });
  }
  for (let i = 0; i < specs.length; i += 1000) {
    await sql`
      select count(*) from graphile_worker.add_jobs(
        array(select json_populate_record(null::graphile_worker.job_spec, s)
              from json_array_elements(${sql.json(specs.slice(i, i + 1000) as never)}::json) s),
        true)`;
  }
  return { queued: specs.length };
}

export type BuildOutcome =
  | { outcome: 'built'; digestId: string; empty: boolean }
  | { outcome: 'already-built' }
  | { outcome: 'subscription-ended' };

/**
 * Builds the digest of one subscription for one period, for its reader, in one transaction: the
 * row, its content and the delivery job commit together or not at all, so a crash mid-build leaves
 * nothing behind and the retried job builds it again; a racing worker waits on the unique key and
 * then finds it built.
 */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export async function buildDigest(sql: postgres.Sql<{}>, payload: DigestBuildPayload): Promise<BuildOutcome> {
  if (!isUuid(payload.subscriptionId) || Number.isNaN(Date.parse(payload.periodEnd))) {
    return { outcome: 'subscription-ended' };
  }
  return (await sql.begin(async (tx) => {
    const [row] = await tx`select s.* from subscriptions s join people p on p.id = s.person_id
               where s.id = ${payload.subscriptionId} and s.ended_at is null and p.deactivated_at is null`;
    if (!row) return { outcome: 'subscription-ended' } as const;
    const subscription = subscriptionToDomain(row);
    const reader = await createPersonRepository(tx).findById(subscription.personId);
    if (!reader) return { outcome: 'subscription-ended' } as const;
    const end = new Date(payload.periodEnd);
    const [previous] = await tx`
      select period_end, status, content->'counts' as counts from digests
      where subscription_id = ${subscription.id} and period_end < ${end}
      order by period_end desc limit 1`;
    const period = periodEndingAt(subscription, end, previous ? asDate(previous.period_end) : null);
    const [claimed] = await tx`
      insert into digests (subscription_id, person_id, period_start, period_end, channel, status)
      values (${subscription.id}, ${reader.id}, ${period.start}, ${period.end}, ${subscription.channel}, 'pending')
      on conflict (subscription_id, period_end) do nothing
      returning id`;
    if (!claimed) return { outcome: 'already-built' } as const;
    const digestId = claimed.id as string;
    await tx`update subscriptions set last_period_end = greatest(last_period_end, ${end}) where id = ${subscription.id}`;
    const material = await loadDigestMaterial(tx, readScopeFor(reader), subscription.scope, period);
    const previousCounts = await lastCounts(tx, subscription.id, end);
    const content = composeDigest(reader, material, {
      scope: subscription.scope,
      channel: subscription.channel,
      cadence: subscription.cadence.kind,
      period,
      previous: previousCounts,
    });
    const empty = isEmptyDigest(content.counts);
    // The web channel is delivered by being in the archive.
    const status = empty ? 'empty' : subscription.channel === 'web' ? 'sent' : 'pending';
    await tx`
      update digests set content = ${tx.json(content as never)}, status = ${status},
             sent_at = ${status === 'sent' ? new Date() : null},
             delivery = ${status === 'sent' ? tx.json({ platform: 'web' }) : null}
      where id = ${digestId}`;
    if (status === 'pending') {
      await tx`select graphile_worker.add_job(${DIGEST_DELIVER_TASK}, ${tx.json({ digestId } as never)}::json,
                 job_key => ${`digest-deliver:${digestId}`}, max_attempts => ${DELIVERY_ATTEMPTS})`;
    }
    return { outcome: 'built', digestId, empty } as const;
  })) as BuildOutcome;
}

async function lastCounts(db: Db, subscriptionId: string, before: Date): Promise<DigestCounts | null> {
  const [row] = await db`
    select content->'counts' as counts from digests
    where subscription_id = ${subscriptionId} and period_end < ${before} and status <> 'empty'
    order by period_end desc limit 1`;
  return (row?.counts as DigestCounts | undefined) ?? null;
}
