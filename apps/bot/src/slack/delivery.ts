import type { Db } from '@heard/db';
import { createRepositories } from '@heard/db';
import { loadCardFacts } from '../chat/card-facts';
import type { ChatDelivery, ChatDeliveryResult, ChatMessage } from '../chat/chat-delivery';
import { REMOVED_TEXT } from '../governance/remove-chat-cards-job';
import type { SlackClient } from './api/slack-client';
import { insightCard, storyCard } from './blocks/insight-card';
import { noticeBlocks } from './blocks/messages';
import { truncate } from './blocks/text';
import { slackUserFor } from './people';

/** Slack's side of "tell this person": DMs, channel posts and card updates, all through the one client. */
export class SlackChatDelivery implements ChatDelivery {
  readonly platform = 'slack' as const;
  constructor(
    private readonly db: Db,
    private readonly client: SlackClient,
    private readonly hubUrl: string,
    readonly storiesChannel?: string,
  ) {}

  async sendToPerson(personId: string, message: ChatMessage): Promise<ChatDeliveryResult> {
    const channel = await this.directChannel(personId);
    if (!channel) return { delivered: false };
    return this.post(channel, message);
  }

  sendToChannel(channel: string, message: ChatMessage): Promise<ChatDeliveryResult> {
    return this.post(channel, message);
  }

  /**
   * Redraws every Slack card about an insight (me-too counts, goal links, story). A card marked
   * removed (its insight erased at a customer's request) stays a removal notice: a later change to
   * the anonymised insight must not bring its card back.
   */
  async refreshCards(insightId: string): Promise<void> {
    const cards = await this.db`
      select channel, message_ref, card_kind, removed_at is not null as removed
      from chat_cards where platform = 'slack' and insight_id = ${insightId}`;
    if (cards.length === 0) return;
    const facts = cards.every((c) => c.removed) ? null : await loadCardFacts(this.db, insightId);
    for (const card of cards) {
      if (!card.removed && !facts) continue;
      const drawn = card.removed
        ? removedCard()
        : card.card_kind === 'story' && facts!.story
          ? storyCard(facts!, this.hubUrl)
          : insightCard(facts!, this.hubUrl);
      await this.client.chat.update({
        channel: card.channel as string,
        ts: card.message_ref as string,
        text: drawn.text,
        blocks: drawn.blocks as never,
      });
      await this.db`update chat_cards set updated_at = now()
                    where platform = 'slack' and channel = ${card.channel} and message_ref = ${card.message_ref}`;
    }
  }

  private async post(channel: string, message: ChatMessage, threadTs?: string): Promise<ChatDeliveryResult> {
    const blocks = message.slackBlocks ?? noticeBlocks(message.text, message.link);
    const sent = await this.client.chat.postMessage({
      channel,
      text: truncate(message.text, 3000),
      blocks: blocks as never,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
    });
    return { delivered: true, messageRef: sent.ts, channel: sent.channel ?? channel };
  }

  /** The DM channel with a person, opened once and remembered. */
  private async directChannel(personId: string): Promise<string | null> {
    const [known] = await this.db`
      select conversation_id from chat_conversations where platform = 'slack' and person_id = ${personId}`;
    if (known) return known.conversation_id as string;
    const person = await createRepositories(this.db).people.findById(personId);
    if (!person) return null;
    const user = await slackUserFor(this.db, this.client, person);
    if (!user) return null;
    const opened = await this.client.conversations.open({ users: user });
    const id = opened.channel?.id;
    if (!id) return null;
    await this.db`
      insert into chat_conversations (platform, person_id, conversation_id) values ('slack', ${personId}, ${id})
      on conflict (platform, person_id) do update set conversation_id = excluded.conversation_id, updated_at = now()`;
    return id;
  }

  /** Posts a card in a thread (or a DM) and records it so it can be redrawn later. */
  async postCard(insightId: string, channel: string, threadTs?: string): Promise<ChatDeliveryResult> {
    const facts = await loadCardFacts(this.db, insightId);
    if (!facts) return { delivered: false };
    const card = insightCard(facts, this.hubUrl);
    const sent = await this.post(channel, { text: card.text, slackBlocks: card.blocks }, threadTs);
    await this.recordCard(insightId, 'insight', sent);
    return sent;
  }

  async recordCard(insightId: string, kind: 'insight' | 'story', sent: ChatDeliveryResult): Promise<void> {
    if (!sent.channel || !sent.messageRef) return;
    await this.db`
      insert into chat_cards (platform, insight_id, card_kind, channel, message_ref)
      values ('slack', ${insightId}, ${kind}, ${sent.channel}, ${sent.messageRef}) on conflict do nothing`;
  }

  /** The DM channel for a Slack user who may not be in Heard (capture drafts). */
  async openDirect(slackUserId: string): Promise<string> {
    const opened = await this.client.conversations.open({ users: slackUserId });
    return opened.channel!.id!;
  }
}

/** What a card about an erased insight says, the same as when the erasure replaced it. */
function removedCard() {
  return {
    text: REMOVED_TEXT,
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `_${REMOVED_TEXT}_` }] }],
  };
}
