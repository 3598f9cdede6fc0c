import type { IntegrationContext, Integrations } from '../integrations';
import { createSlackIntegration } from '../slack/integration';
import type { ChatDelivery } from './chat-delivery';
import { NOTIFY_CHAT_TASK, notifyChat } from './notify-chat';
import { PUBLISH_STORY_TASK, publishStory } from './publish-story';
import { REFRESH_CARDS_TASK, refreshCards } from './refresh-cards';
import { TRIAGE_SUMMARY_CRONTAB, TRIAGE_SUMMARY_TASK, triageSummary } from './triage-summary';

/**
 * Slack (when configured) and the chat jobs every platform shares. The jobs are always
 * registered, because the outbox queues them whatever is configured; they read `chat` when they
 * run, so deliveries added by integrations registered after this one (Teams) are reached too.
 */
export function integrateChat(context: IntegrationContext, chat: ChatDelivery[]): Partial<Integrations> {
  const slack = context.config.slack ? createSlackIntegration(context) : {};
  const db = context.db.sql;
  const hubUrl = context.hubUrl.replace(/\/$/, '');
  return {
    ...slack,
    tasks: {
      ...slack.tasks,
      [NOTIFY_CHAT_TASK]: notifyChat(db, chat, hubUrl),
      [PUBLISH_STORY_TASK]: publishStory(db, chat, hubUrl),
      [REFRESH_CARDS_TASK]: refreshCards(chat),
      [TRIAGE_SUMMARY_TASK]: triageSummary(db, chat, hubUrl),
    },
    crontab: [TRIAGE_SUMMARY_CRONTAB],
  };
}
