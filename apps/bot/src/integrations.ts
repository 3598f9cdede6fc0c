import type { Database } from '@heard/db';
import type { SearchIndex } from '@heard/domain';
import type { TaskList } from 'graphile-worker';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { ChatDelivery } from './chat/chat-delivery';
import { integrateChat } from './chat/integration';
import type { BotConfig } from './config';
import { digestsIntegration } from './digests/integration';
import { governanceIntegration } from './governance/integration';
import { teamsIntegration } from './teams';

export interface IntegrationContext {
  config: BotConfig;
  db: Database;
  log: Logger;
  /** The engine searches are answered from (chat search commands). */
  search: SearchIndex;
  /** Hub address used in links sent to chat and email, e.g. http://localhost:3000. */
  hubUrl: string;
}

/** What the integrations switched on by configuration add to the bot and the job worker. */
export interface Integrations {
  mount: Array<(app: Hono) => void>;
  tasks: TaskList;
  crontab: string[];
  chat: ChatDelivery[];
  /** Connections that must close on shutdown (Socket Mode, SMTP pools…). */
  stop(): Promise<void>;
}

type Integration = (context: IntegrationContext, chat: ChatDelivery[]) => Partial<Integrations>;

/**
 * Each integration registers here once; the chat deliveries built by earlier ones (Slack,
 * Teams) are passed to later ones (notifications, digests) so those can reach people in chat.
 */
const INTEGRATIONS: Integration[] = [
  // Slack when configured, and the chat jobs (notifications, stories, triage) for every platform.
  integrateChat,
  (context) => (context.config.teams ? teamsIntegration(context) : {}),
  // Last: digests reach people through the chat deliveries registered above.
  digestsIntegration,
  // Retention at night and removal of chat cards about erased customers (uses the deliveries above).
  governanceIntegration,
];

export function createIntegrations(context: IntegrationContext): Integrations {
  const all: Integrations = { mount: [], tasks: {}, crontab: [], chat: [], stop: async () => {} };
  const stops: Array<() => Promise<void>> = [];
  for (const integrate of INTEGRATIONS) {
    const part = integrate(context, all.chat);
    all.mount.push(...(part.mount ?? []));
    Object.assign(all.tasks, part.tasks);
    all.crontab.push(...(part.crontab ?? []));
    all.chat.push(...(part.chat ?? []));
    if (part.stop) stops.push(part.stop);
  }
  all.stop = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  return all;
}
