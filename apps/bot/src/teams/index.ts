import { createDeps } from '@heard/db';
import type { IntegrationContext, Integrations } from '../integrations';
import { HeardTeamsBot } from './bot';
import { createTeamsChatDelivery } from './chat-delivery';
import { TeamsConnector } from './connector';
import { createTeamsAdapter, mountMessagesRoute } from './http';
import { teamsTasks } from './jobs';
import { readTeamsSettings } from './settings';
import type { TeamsApp } from './teams-app';

/** The scope Heard asks Entra for to call the Bot Connector. */
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';

/** Microsoft Teams, on when MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are set. */
export function teamsIntegration(context: IntegrationContext): Partial<Integrations> {
  const settings = readTeamsSettings(context.config);
  const log = context.log.child({ integration: 'teams' });
  const adapter = createTeamsAdapter(settings, log);
  const connector = new TeamsConnector({
    token: () => adapter.connectionManager.getDefaultConnection().getAccessToken(BOT_CONNECTOR_SCOPE),
    log,
  });
  const app: TeamsApp = {
    settings,
    db: context.db,
    deps: createDeps(context.db.sql),
    search: context.search,
    hubUrl: context.hubUrl,
    log,
    connector,
  };
  return {
    mount: [mountMessagesRoute(adapter, new HeardTeamsBot(app), log)],
    tasks: teamsTasks(app),
    chat: [createTeamsChatDelivery(app)],
  };
}
