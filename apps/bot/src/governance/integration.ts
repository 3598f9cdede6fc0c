import type { ChatDelivery } from '../chat/chat-delivery';
import type { IntegrationContext, Integrations } from '../integrations';
import { createSlackClient } from '../slack/api/slack-client';
import { REMOVE_CHAT_CARDS_TASK, removeChatCardsTask } from './remove-chat-cards-job';
import { APPLY_RETENTION_TASK, applyRetentionTask, RETENTION_CRONTAB } from './retention-job';

/** Retention every night, and the removal of chat cards about erased customers. Always on. */
export function governanceIntegration(
  context: IntegrationContext,
  chat: ChatDelivery[],
): Partial<Integrations> {
  const slack =
    context.config.slack && context.config.SLACK_BOT_TOKEN
      ? createSlackClient(context.config.SLACK_BOT_TOKEN, context.log)
      : null;
  return {
    tasks: {
      [APPLY_RETENTION_TASK]: applyRetentionTask(context.db, context.log),
      [REMOVE_CHAT_CARDS_TASK]: removeChatCardsTask(context.db, context.log, { slack, chat }),
    },
    crontab: [RETENTION_CRONTAB],
  };
}
