import { createDeps } from '@heard/db';
import type { IntegrationContext, Integrations } from '../integrations';
import { createSlackClient } from './api/slack-client';
import type { SlackContext } from './context';
import { SlackChatDelivery } from './delivery';
import { slackTasks } from './jobs';
import { HonoReceiver } from './receiver';
import { createSlackApp } from './slack-app';

/**
 * Slack, when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set: the signed endpoint at
 * POST /slack/events, Socket Mode as well when SLACK_APP_TOKEN is set, its jobs, and its
 * chat delivery for notifications.
 */
export function createSlackIntegration(context: IntegrationContext): Partial<Integrations> {
  const { config, log } = context;
  const token = config.SLACK_BOT_TOKEN!;
  const client = createSlackClient(token, log);
  const ctx: SlackContext = {
    db: context.db.sql,
    deps: createDeps(context.db.sql),
    client,
    log,
    search: context.search,
    hubUrl: context.hubUrl.replace(/\/$/, ''),
    captureEmoji: config.SLACK_REACTION_EMOJI.split(',')
      .map((e) => e.trim().replace(/^:|:$/g, ''))
      .filter(Boolean),
  };
  const delivery = new SlackChatDelivery(ctx.db, client, ctx.hubUrl, config.SLACK_STORIES_CHANNEL);
  const receiver = new HonoReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, log });
  createSlackApp(ctx, token, { receiver });
  let stop = async () => {};
  if (config.SLACK_APP_TOKEN) {
    const socket = createSlackApp(ctx, token, { socketMode: { appToken: config.SLACK_APP_TOKEN } });
    // Connecting takes a moment and retries on its own; the bot serves meanwhile.
    socket
      .start()
      .catch((error: unknown) => log.error({ err: error }, 'Slack Socket Mode could not connect'));
    stop = async () => {
      await socket.stop();
    };
  }
  return { mount: [receiver.mount], tasks: slackTasks(ctx, delivery), chat: [delivery], stop };
}
