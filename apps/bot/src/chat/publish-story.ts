import type { Db } from '@heard/db';
import type { DomainEvent } from '@heard/domain';
import type { Task } from 'graphile-worker';
import { storyCard } from '../slack/blocks/insight-card';
import { loadCardFacts } from './card-facts';
import type { ChatDelivery } from './chat-delivery';
import { claimReceipt, hasReceipt } from './receipts';

export const PUBLISH_STORY_TASK = 'chat-publish-story';

/**
 * Posts a newly published story to each platform's stories channel, once. Only stories of
 * insights everyone may read are posted: a channel is an audience nobody chose.
 */
export function publishStory(db: Db, chat: readonly ChatDelivery[], hubUrl: string): Task {
  return async (payload) => {
    const { insightId } = payload as Extract<DomainEvent, { type: 'story.published' }>;
    const targets = chat.filter((d) => d.storiesChannel);
    if (targets.length === 0) return;
    const facts = await loadCardFacts(db, insightId);
    if (!facts?.story || !facts.isPublic) return;
    const card = storyCard(facts, hubUrl);
    const message = {
      text: `${card.text}\n${facts.story.summary}`,
      link: `${hubUrl}/insights/${insightId}`,
      slackBlocks: card.blocks,
    };
    for (const delivery of targets) {
      const key = `story:${insightId}`;
      if (await hasReceipt(db, delivery.platform, key)) continue;
      const sent = await delivery.sendToChannel(delivery.storiesChannel!, message);
      await claimReceipt(db, delivery.platform, key, sent);
      if (sent.channel && sent.messageRef) {
        await db`insert into chat_cards (platform, insight_id, card_kind, channel, message_ref)
                 values (${delivery.platform}, ${insightId}, 'story', ${sent.channel}, ${sent.messageRef})
                 on conflict do nothing`;
      }
    }
  };
}
