export { AddEvidenceBodySchema, apiSchemas, PostInsightBodySchema } from './api/schemas';
export { createWebApp, type WebAppOptions } from './app';
export { loadServerBuild } from './build';
export { readWebConfig, type WebConfig } from './config';
