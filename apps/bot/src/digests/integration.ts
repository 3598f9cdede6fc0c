import {
  buildDigest,
  DIGEST_BUILD_TASK,
  DIGEST_DELIVER_TASK,
  DIGEST_TICK_TASK,
  type DigestBuildPayload,
  queueDueDigests,
} from '@heard/db';
import type { ChatDelivery } from '../chat/chat-delivery';
import type { IntegrationContext, Integrations } from '../integrations';
import { deliverDigestTask } from './deliver-digest';
import { createDigestMailer } from './email';
import { pacedDelivery } from './pacing';

/**
 * Digests: a cron tick every minute queues the (subscription, period) builds that are due in their
 * readers' time zones; each build is one job keyed by both; each built digest one delivery job,
 * paced per platform and retried with backoff. Chat deliveries come from the Slack and Teams
 * integrations registered before this one.
 */
export function digestsIntegration(context: IntegrationContext, chat: ChatDelivery[]): Partial<Integrations> {
  const { db, log, config } = context;
  const mailer = config.SMTP_URL
    ? createDigestMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM })
    : null;
  // Looked up when a digest is sent, not now: the list is filled as the integrations register.
  const paced = new Map<ChatDelivery, ChatDelivery>();
  const chatFor = (platform: 'slack' | 'teams') => {
    const delivery = chat.find((c) => c.platform === platform);
    if (!delivery) return undefined;
    if (!paced.has(delivery))
      paced.set(
        delivery,
        pacedDelivery(delivery, {
          // The Slack and Teams deliveries already wait out 429s and retry inside: one more try
          // here, then the queue's own backoff, rather than multiplying their retries.
          attempts: 2,
          onRetry: ({ attempt, waitMs }) =>
            log.info({ platform, attempt, waitMs }, 'digest delivery retried'),
        }),
      );
    return paced.get(delivery);
  };
  const deliver = deliverDigestTask({
    db: db.sql,
    log,
    hubUrl: context.hubUrl,
    get chat() {
      return { slack: chatFor('slack'), teams: chatFor('teams') };
    },
    mailer,
  });
  return {
    tasks: {
      [DIGEST_TICK_TASK]: async () => {
        const { queued } = await queueDueDigests(db.sql, new Date());
        if (queued > 0) log.info({ queued }, 'digests due: builds queued');
      },
      [DIGEST_BUILD_TASK]: async (payload) => {
        await buildDigest(db.sql, payload as DigestBuildPayload);
      },
      [DIGEST_DELIVER_TASK]: deliver,
    },
    // Every minute, since a subscriber may choose any minute; a tick missed while no worker ran is
    // simply caught up by the next one (a due period stays due until it is built).
    crontab: [`* * * * * ${DIGEST_TICK_TASK} ?max=1`],
    async stop() {
      mailer?.close();
    },
  };
}
