import type { Database } from '@heard/db';
import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChatDelivery } from '../chat/chat-delivery';
import type { SlackClient } from '../slack/api/slack-client';

export const REMOVE_CHAT_CARDS_TASK = 'remove-chat-cards';

export const REMOVED_TEXT = 'This insight was removed from Heard at the customer’s request.';

const PayloadSchema = z.object({ cardIds: z.array(z.string().uuid()).min(1) });

/**
 * Replaces the cards Heard posted about erased insights. Slack messages are rewritten to
 * "removed" with chat.update; other platforms redraw their cards of that insight, and Teams draws
 * a card marked removed (`chat_cards.removed_at`) as a removal notice.
 */
export function removeChatCardsTask(
  db: Database,
  log: Logger,
  options: { slack: SlackClient | null; chat: readonly ChatDelivery[] },
): Task {
  return async (payload) => {
    const { cardIds } = PayloadSchema.parse(payload);
    const cards = await db.sql`
      select id, platform, insight_id, channel, message_ref from chat_cards
      where id = any(${cardIds}) and removed_at is not null`;
    const redrawn = new Set<string>();
    for (const card of cards) {
      if (card.platform === 'slack' && options.slack) {
        try {
          await options.slack.chat.update({
            channel: card.channel as string,
            ts: card.message_ref as string,
            text: REMOVED_TEXT,
            blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `_${REMOVED_TEXT}_` }] }],
          });
        } catch (error) {
          // A message someone deleted, or a channel Heard left: nothing is left to replace there.
          const code = (error as { data?: { error?: string } }).data?.error;
          if (code !== 'message_not_found' && code !== 'channel_not_found' && code !== 'cant_update_message')
            throw error;
        }
        continue;
      }
      const key = `${card.platform}:${card.insight_id}`;
      if (!card.insight_id || redrawn.has(key)) continue;
      const delivery = options.chat.find((d) => d.platform === card.platform);
      if (delivery?.refreshCards) {
        await delivery.refreshCards(card.insight_id as string);
        redrawn.add(key);
      } else {
        log.warn(
          { cardId: card.id, platform: card.platform },
          'chat card marked removed; its platform is not configured here',
        );
      }
    }
  };
}
