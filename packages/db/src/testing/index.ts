export { buildCustomer, buildGoal, buildInsight, buildPerson, buildTeam, queuedJobs } from './factories';
export type { HeardDbContext } from './global-setup';
export { type TestDatabase, useTestDatabase } from './test-database';
