import type { BotConfig } from '../config';

/** What the Teams integration needs from the bot's configuration, checked once at start. */
export interface TeamsSettings {
  appId: string;
  appPassword: string;
  /** Entra tenant of a single-tenant app registration; without it the app is multi-tenant. */
  tenantId: string | null;
  /** Conversation id of the channel that receives published stories, if any. */
  storiesConversation: string | null;
  /** Service URL used to reach a configured channel before the app has heard from it. */
  serviceUrl: string;
}

/**
 * The Agents SDK accepts unauthenticated requests when it has no app id outside production
 * (its development mode). Heard never runs that way: without an app id and password Teams
 * stays off, and asking for it anyway stops the process.
 */
export function readTeamsSettings(config: BotConfig): TeamsSettings {
  if (!config.MICROSOFT_APP_ID || !config.MICROSOFT_APP_PASSWORD) {
    throw new Error(
      'Microsoft Teams needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD: without them every request would be unauthenticated.',
    );
  }
  return {
    appId: config.MICROSOFT_APP_ID,
    appPassword: config.MICROSOFT_APP_PASSWORD,
    tenantId: config.MICROSOFT_APP_TENANT_ID ?? null,
    storiesConversation: config.TEAMS_STORIES_CONVERSATION ?? null,
    serviceUrl: config.TEAMS_SERVICE_URL ?? 'https://smba.trafficmanager.net/teams/',
  };
}
