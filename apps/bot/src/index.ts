export { createBotApp } from './app';
export type { ChatDelivery, ChatMessage, ChatPlatform } from './chat/chat-delivery';
export { type BotConfig, describeIntegrations, readBotConfig } from './config';
export * from './digests';
export { createIntegrations, type IntegrationContext, type Integrations } from './integrations';
export { type ReindexResult, reindex } from './jobs/reindex';
export { startWorker, type Worker } from './jobs/worker';
export { buildTeamsPackage, renderManifest } from './teams/app-package';
export { TeamsConnector, TeamsSendError } from './teams/connector';
