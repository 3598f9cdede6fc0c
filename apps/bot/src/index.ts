export { createBotApp } from './app';
export { type BotConfig, describeIntegrations, readBotConfig } from './config';
export { startWorker, type Worker } from './jobs/worker';
