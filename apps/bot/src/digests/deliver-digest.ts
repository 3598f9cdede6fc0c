import {
  createDigestStore,
  type Db,
  type DigestDeliverPayload,
  type DigestDelivery,
  unsubscribeToken,
} from '@heard/db';
import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import type { ChatDelivery } from '../chat/chat-delivery';
import type { DigestMailer } from './email';
import { digestLinks } from './links';
import { renderSlackDigest } from './render-slack';
import { renderTeamsDigest } from './render-teams';

export interface DeliverDeps {
  db: Db;
  log: Logger;
  hubUrl: string;
  /** Chat deliveries by platform, already paced; a platform that is off is missing. */
  chat: Partial<Record<'slack' | 'teams', ChatDelivery>>;
  mailer: DigestMailer | null;
}

/** A failure retrying cannot fix: the person has no account there, or the platform is off. */
export class UndeliverableError extends Error {}

type Sent = { status: 'sent' | 'archived'; delivery: DigestDelivery };

async function send(deps: DeliverDeps, digestId: string): Promise<Sent | null> {
  const store = createDigestStore(deps.db);
  const digest = await store.find(digestId);
  if (digest?.status !== 'pending') return null;
  const [row] = await deps.db`
    select s.time_zone, p.email from subscriptions s join people p on p.id = s.person_id
    where s.id = ${digest.subscriptionId}`;
  const timeZone = (row?.time_zone as string | undefined) ?? 'UTC';
  const links = digestLinks(deps.hubUrl, digest.id, await unsubscribeToken(deps.db, digest.subscriptionId));
  const { content } = digest;
  switch (digest.channel) {
    case 'email': {
      if (!deps.mailer) {
        return {
          status: 'archived',
          delivery: { platform: 'email', note: 'SMTP_URL is not set: kept in the web archive.' },
        };
      }
      const messageRef = await deps.mailer.send(row!.email as string, digest.id, content, links, timeZone);
      return { status: 'sent', delivery: { platform: 'email', channel: row!.email as string, messageRef } };
    }
    case 'slack':
    case 'teams': {
      const platform = digest.channel;
      const chat = deps.chat[platform];
      if (!chat)
        throw new UndeliverableError(
          `${platform === 'slack' ? 'Slack' : 'Microsoft Teams'} is not configured.`,
        );
      const slack = platform === 'slack' ? renderSlackDigest(content, links, timeZone) : null;
      const result = await chat.sendToPerson(digest.personId, {
        text: slack?.text ?? `${content.scopeLabel}: ${content.changes}`,
        link: links.webVersion,
        ...(slack
          ? { slackBlocks: slack.blocks }
          : { teamsCard: renderTeamsDigest(content, links, timeZone) }),
      });
      if (!result.delivered) {
        throw new UndeliverableError(
          `The subscriber has no ${platform === 'slack' ? 'Slack' : 'Teams'} conversation with Heard.`,
        );
      }
      return {
        status: 'sent',
        delivery: {
          platform,
          ...(result.channel ? { channel: result.channel } : {}),
          ...(result.messageRef ? { messageRef: result.messageRef } : {}),
        },
      };
    }
    default:
      return { status: 'sent', delivery: { platform: 'web' } };
  }
}

/** Tells every admin, once per digest, that a digest could not be delivered. */
async function reportToAdmins(db: Db, digestId: string, reason: string): Promise<void> {
  await db`
    insert into notifications (person_id, kind, text, link, dedupe_key)
    select a.id, 'digest.undeliverable',
           'A digest for ' || p.name || ' could not be delivered by ' || d.channel || ': ' || ${reason},
           '/digests#undeliverable', 'digest-undeliverable:' || d.id || ':' || a.id
    from digests d join people p on p.id = d.person_id
    cross join people a
    where d.id = ${digestId} and 'admin' = any(a.roles)
    on conflict (dedupe_key) do nothing`;
}

/**
 * The delivery job: sends once, records where it went; a transient failure is thrown so the queue
 * retries with backoff; when retrying cannot help, or the last try fails, the digest stays in the
 * web archive as undeliverable and admins are told.
 */
export function deliverDigestTask(deps: DeliverDeps): Task {
  const store = createDigestStore(deps.db);
  return async (payload, helpers) => {
    const { digestId } = payload as DigestDeliverPayload;
    try {
      const sent = await send(deps, digestId);
      if (sent) await store.markSent(digestId, sent.delivery, sent.status);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const lastTry = helpers.job.attempts >= helpers.job.max_attempts;
      if (error instanceof UndeliverableError || lastTry) {
        if (await store.markUndeliverable(digestId, reason)) await reportToAdmins(deps.db, digestId, reason);
        deps.log.warn(
          { digestId, reason },
          'digest undeliverable; kept in the web archive and reported to admins',
        );
        return;
      }
      await store.recordAttempt(digestId, reason);
      throw error;
    }
  };
}
