export {
  type AccountLinkPurpose,
  type AccountLinkStore,
  createAccountLinkStore,
  LINK_LIFETIME_MS,
  type PersonForAdmin,
} from './auth/account-links';
export {
  API_TOKEN_PREFIX,
  type ApiToken,
  type ApiTokenStore,
  createApiTokenStore,
} from './auth/api-token-store';
export { type AttemptLimiter, createAttemptLimiter } from './auth/attempt-limiter';
export {
  createPeopleAdmin,
  type ManagedPerson,
  type PeopleAdmin,
  type PeopleAdminRefusal,
  type PeopleAdminResult,
  teamSlug,
} from './auth/people-admin';
export { createSessionStore, type SessionStore } from './auth/session-store';
export {
  createSignOnStore,
  type SignOnOutcome,
  type SignOnStore,
  type VerifiedIdentity,
} from './auth/sign-on';
export { checkDatabase, connect, type DatabaseHealth, describeConnectionError, maskUrl } from './client';
export * from './customers';
export { type Database, type DatabaseLog, openDatabase } from './database';
export * from './digests';
export * from './governance';
export * from './import';
export { migrate } from './migrate';
export { progressBar } from './progress-bar';
export { countCurationQueue } from './read-models/curation.query';
export {
  type CustomerAction,
  type CustomerInsight,
  type CustomerPage,
  type CustomerRelation,
  loadCustomerPage,
} from './read-models/customers.query';
export {
  GOAL_ORDERS,
  type GoalOrder,
  type GoalPage,
  listActionsFor,
  listGoalSummaries,
  loadGoalPage,
} from './read-models/goals.query';
export {
  HEALTH_SOURCES,
  type HealthSource,
  loadProcessHealth,
  type ProcessHealth,
} from './read-models/process-health.query';
export {
  type CollectionView,
  listPublishedCollections,
  listPublishedStories,
  type StoryCard,
  type StoryCursor,
  type StoryPage,
} from './read-models/stories.query';
export { createDeps, createRepositories } from './repositories';
export type { Db } from './repositories/db';
export {
  createNotificationStore,
  type Notification,
  type NotificationStore,
} from './repositories/notification.store';
export { DOMAIN_EVENT_TASK } from './repositories/outbox';
export { loadSearchDocuments } from './search/search-documents.query';
export { DEMO_PASSWORD } from './seed/organisation';
export { type DemoSignIn, demoSignIns, type SeedOptions, type SeedResult, seedDemo } from './seed/seed';
