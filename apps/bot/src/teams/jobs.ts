import type { Task, TaskList } from 'graphile-worker';
import { z } from 'zod';
import { isPersonalConversation } from './audience';
import { insightUrl } from './cards/insight-card';
import { removedCard, restrictedCard } from './cards/messages';
import { TeamsSendError } from './connector';
import { cardForInsight, cardForStory, cardMessage } from './insight-view';
import { findCardsOf, findPersonConversation, recordCard } from './store';
import type { TeamsApp } from './teams-app';

const ShareReplySchema = z.object({
  insightId: z.string(),
  personId: z.string(),
  to: z.object({ serviceUrl: z.string().url(), conversationId: z.string().min(1) }),
  replyToId: z.string().nullable(),
});

/**
 * After "Share with Heard": the insight's card as a reply to the shared message. Where the
 * app is not in that conversation Teams refuses, and the card goes to the person's own chat.
 */
export function shareReplyTask(app: TeamsApp): Task {
  return async (payload) => {
    const job = ShareReplySchema.parse(payload);
    const insight = await app.deps.insights.findById(job.insightId);
    if (!insight) return; // erased since
    const message = cardMessage(await cardForInsight(app, insight, { withActions: true }), insight.title);
    // A restricted insight's card goes only to the reporter's own chat, never into a shared conversation.
    if (insight.visibility.scope !== 'everyone' && !isPersonalConversation(job.to.conversationId)) {
      await sendToOwnChat(app, job.personId, insight.id, message);
      return;
    }
    const to = job.to;
    let activityId: string;
    try {
      activityId = job.replyToId
        ? await app.connector.reply(to, job.replyToId, message)
        : await app.connector.send(to, message);
    } catch (error) {
      if (!(error instanceof TeamsSendError) || (error.status !== 403 && error.status !== 404)) throw error;
      await sendToOwnChat(app, job.personId, insight.id, message);
      return;
    }
    await recordCard(app.db.sql, { insightId: insight.id, kind: 'insight', to, activityId });
  };
}

async function sendToOwnChat(
  app: TeamsApp,
  personId: string,
  insightId: string,
  message: Record<string, unknown>,
) {
  const personal = await findPersonConversation(app.db.sql, personId);
  if (!personal) {
    app.log.info({ insightId }, 'Teams: no conversation to post the shared insight card in');
    return;
  }
  const to = { serviceUrl: personal.serviceUrl, conversationId: personal.conversationId };
  const activityId = await app.connector.send(to, message);
  await recordCard(app.db.sql, { insightId, kind: 'insight', to, activityId });
}

/**
 * When an insight changes (me too, evidence, goals, erasure), every card Heard posted about it in
 * Teams is redrawn; called by the shared `chat-refresh-cards` and `remove-chat-cards` jobs.
 * Shared conversations only ever see an insight everyone may read; a removed card says so and
 * nothing more.
 */
export async function refreshInsightCards(app: TeamsApp, insightId: string): Promise<void> {
  const cards = await findCardsOf(app.db.sql, insightId);
  if (cards.length === 0) return;
  const insight = await app.deps.insights.findById(insightId);
  const url = insightUrl(app.hubUrl, insightId);
  const removed = cardMessage(removedCard(), 'Removed from Heard');
  const narrowed = cardMessage(restrictedCard(url), 'Insight in Heard');
  const full =
    insight && cardMessage(await cardForInsight(app, insight, { withActions: true }), insight.title);
  const story =
    insight?.story?.status === 'published'
      ? cardMessage(await cardForStory(app, insight), insight.story.headline)
      : null;
  for (const card of cards) {
    const shared = !isPersonalConversation(card.conversationId);
    const message =
      card.removed || !insight || !full
        ? removed
        : shared && insight.visibility.scope !== 'everyone'
          ? narrowed
          : card.kind === 'story'
            ? (story ?? narrowed)
            : full;
    const to = {
      conversationId: card.conversationId,
      serviceUrl: card.serviceUrl ?? app.settings.serviceUrl,
    };
    try {
      await app.connector.update(to, card.activityId, message);
    } catch (error) {
      // A deleted message or a conversation the app left: nothing left to update there.
      if (error instanceof TeamsSendError && (error.status === 403 || error.status === 404)) continue;
      throw error;
    }
  }
}

export function teamsTasks(app: TeamsApp): TaskList {
  return { 'teams-share-reply': shareReplyTask(app) };
}
