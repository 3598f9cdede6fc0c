import type { DigestContent, DigestCounts } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';

export const DIGEST_STATUSES = ['empty', 'pending', 'sent', 'archived', 'undeliverable'] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];

/** Where a digest went: a chat message or an email. */
export interface DigestDelivery {
  platform: 'slack' | 'teams' | 'email' | 'web';
  channel?: string;
  messageRef?: string;
  /** Why it stayed in the archive only, when it did. */
  note?: string;
}

/** One digest as the archive lists it. */
export interface DigestSummary {
  id: string;
  subscriptionId: string;
  personId: string;
  channel: string;
  status: DigestStatus;
  periodStart: Date;
  periodEnd: Date;
  scopeLabel: string;
  counts: DigestCounts | null;
  sentAt: Date | null;
  lastError: string | null;
  delivery: DigestDelivery | null;
}

export interface StoredDigest extends DigestSummary {
  content: DigestContent;
  attempts: number;
}

function toSummary(r: Row): DigestSummary {
  const content = r.content as DigestContent | null;
  return {
    id: r.id as string,
    subscriptionId: r.subscription_id as string,
    personId: r.person_id as string,
    channel: r.channel as string,
    status: r.status as DigestStatus,
    periodStart: asDate(r.period_start),
    periodEnd: asDate(r.period_end),
    scopeLabel: content?.scopeLabel ?? '',
    counts: content?.counts ?? null,
    sentAt: r.sent_at ? asDate(r.sent_at) : null,
    lastError: (r.last_error as string | null) ?? null,
    delivery: (r.delivery as DigestDelivery | null) ?? null,
  };
}

/** Digests as stored: the archive, the delivery bookkeeping, the admins' list of failures. */
export function createDigestStore(db: Db) {
  return {
    /** The person's digests, newest first; empty periods are not listed (nothing was sent). */
    async listForPerson(personId: string, limit = 50): Promise<DigestSummary[]> {
      const rows = await db`
        select id, subscription_id, person_id, channel, status, period_start, period_end, sent_at, last_error,
               delivery, jsonb_build_object('scopeLabel', content->'scopeLabel', 'counts', content->'counts') as content
        from digests where person_id = ${personId} and status <> 'empty'
        order by period_end desc, id limit ${limit}`;
      return rows.map(toSummary);
    },
    /** One digest with its content, only for the person it was built for (others get null, like a missing one). */
    async findForPerson(id: string, personId: string): Promise<StoredDigest | null> {
      if (!isUuid(id)) return null;
      const [r] =
        await db`select * from digests where id = ${id} and person_id = ${personId} and status <> 'empty'`;
      return r
        ? { ...toSummary(r), content: r.content as DigestContent, attempts: Number(r.attempts) }
        : null;
    },
    async find(id: string): Promise<StoredDigest | null> {
      if (!isUuid(id)) return null;
      const [r] = await db`select * from digests where id = ${id}`;
      return r?.content
        ? { ...toSummary(r), content: r.content as DigestContent, attempts: Number(r.attempts) }
        : null;
    },
    /** Failures for admins: who, which channel, why; never the content, which was built for its reader. */
    async listUndeliverable(limit = 50) {
      const rows = await db`
        select d.id, d.channel, d.period_end, d.last_error, d.attempts, p.name as person_name, p.email,
               d.content->>'scopeLabel' as scope_label
        from digests d join people p on p.id = d.person_id
        where d.status = 'undeliverable' order by d.built_at desc limit ${limit}`;
      return rows.map((r) => ({
        id: r.id as string,
        channel: r.channel as string,
        periodEnd: asDate(r.period_end),
        lastError: (r.last_error as string | null) ?? null,
        attempts: Number(r.attempts),
        personName: r.person_name as string,
        email: r.email as string,
        scopeLabel: (r.scope_label as string | null) ?? '',
      }));
    },
    async recordAttempt(id: string, error: string): Promise<void> {
      await db`update digests set attempts = attempts + 1, last_error = ${error} where id = ${id}`;
    },
    /** Marks it delivered; false when it already was (a retried job after a crash). */
    async markSent(id: string, delivery: DigestDelivery, status: 'sent' | 'archived' = 'sent') {
      const rows = await db`
        update digests set status = ${status}, sent_at = now(), delivery = ${db.json(delivery as never)},
               attempts = attempts + 1
        where id = ${id} and status in ('pending', 'undeliverable') returning id`;
      return rows.length > 0;
    },
    async markUndeliverable(id: string, error: string): Promise<boolean> {
      const rows = await db`
        update digests set status = 'undeliverable', last_error = ${error}, attempts = attempts + 1
        where id = ${id} and status = 'pending' returning id`;
      return rows.length > 0;
    },
  };
}

export type DigestStore = ReturnType<typeof createDigestStore>;
