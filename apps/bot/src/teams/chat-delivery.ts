import type { ChatDelivery, ChatDeliveryResult, ChatMessage } from '../chat/chat-delivery';
import { attachment, type Card, cardBytes, MAX_CARD_BYTES } from './cards/card';
import { noticeCard } from './cards/messages';
import type { ConversationAddress } from './connector';
import { refreshInsightCards } from './jobs';
import { findChannel, findPersonConversation } from './store';
import type { TeamsApp } from './teams-app';

/** The card a message is shown as: its own when it has one that fits, else a compact one from its text. */
export function cardOf(message: ChatMessage): Card {
  const own = message.teamsCard;
  if (own && cardBytes(own) <= MAX_CARD_BYTES) return own;
  return noticeCard(message);
}

function activityOf(message: ChatMessage): Record<string, unknown> {
  return { type: 'message', summary: message.text.slice(0, 200), attachments: [attachment(cardOf(message))] };
}

/**
 * Notifications in Teams: proactive messages into the personal chat stored when the person
 * installed the app, or into a channel the app was added to. Paced, 429-aware, and throwing
 * once Teams keeps refusing, so the calling job is retried.
 */
export function createTeamsChatDelivery(app: TeamsApp): ChatDelivery {
  const deliver = async (to: ConversationAddress, message: ChatMessage): Promise<ChatDeliveryResult> => {
    const messageRef = await app.connector.send(to, activityOf(message));
    return { delivered: true, messageRef, channel: to.conversationId };
  };
  return {
    platform: 'teams',
    ...(app.settings.storiesConversation ? { storiesChannel: app.settings.storiesConversation } : {}),
    refreshCards: (insightId) => refreshInsightCards(app, insightId),
    async sendToPerson(personId, message) {
      const reference = await findPersonConversation(app.db.sql, personId);
      if (!reference) return { delivered: false };
      return deliver({ serviceUrl: reference.serviceUrl, conversationId: reference.conversationId }, message);
    },
    async sendToChannel(channel, message) {
      const conversationId = channel || app.settings.storiesConversation;
      if (!conversationId) return { delivered: false };
      const known = await findChannel(app.db.sql, conversationId);
      return deliver(known ?? { serviceUrl: app.settings.serviceUrl, conversationId }, message);
    },
  };
}
