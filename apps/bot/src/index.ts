export { createBotApp } from './app';
export { type BotConfig, describeIntegrations, readBotConfig } from './config';
export { startWorker } from './jobs/worker';
