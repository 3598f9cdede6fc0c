import { App, type Receiver } from '@slack/bolt';
import { slackClientOptions, slackLogger } from './api/slack-client';
import type { SlackContext } from './context';
import { acknowledgeAndIgnoreRepeats } from './idempotency';
import { registerCapture } from './listeners/capture';
import { registerCommand } from './listeners/command';
import { registerDigests } from './listeners/digests';
import { registerHome } from './listeners/home';
import { registerReactions } from './listeners/reactions';
import { registerShare } from './listeners/share';

export type SlackTransport = { receiver: Receiver } | { socketMode: { appToken: string } };

/**
 * One Bolt app with every listener, fed either by our Hono receiver (HTTP) or by Socket Mode.
 * The bot token is handed over as-is: no `auth.test` before the first acknowledgement.
 */
export function createSlackApp(ctx: SlackContext, botToken: string, transport: SlackTransport): App {
  const app = new App({
    authorize: async () => ({ botToken }),
    ...('receiver' in transport
      ? { receiver: transport.receiver }
      : { socketMode: true, appToken: transport.socketMode.appToken }),
    logger: slackLogger(ctx.log),
    clientOptions: slackClientOptions(ctx.log),
    convoStore: false,
  });
  app.use(acknowledgeAndIgnoreRepeats(ctx.db, ctx.log));
  registerShare(app, ctx);
  registerCommand(app, ctx);
  registerReactions(app, ctx);
  registerCapture(app, ctx);
  registerHome(app, ctx);
  registerDigests(app, ctx);
  app.error(async (error) => {
    ctx.log.error({ err: error.original ?? error }, 'Slack listener failed');
  });
  return app;
}
