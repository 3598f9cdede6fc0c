export { createBotApp } from './app';
export { type BotConfig, describeIntegrations, readBotConfig } from './config';
export { type ReindexResult, reindex } from './jobs/reindex';
export { startWorker, type Worker } from './jobs/worker';
