export { AddEvidenceBodySchema, apiSchemas, PostInsightBodySchema } from './api/schemas';
export { createWebApp, type WebAppOptions } from './app';
export { OIDC_CALLBACK_PATH, type OidcSettings, readOidcSettings } from './auth/oidc-config';
export { loadServerBuild } from './build';
export { readWebConfig, type WebConfig } from './config';
