export type { HeardDbContext } from './global-setup';
export { type TestDatabase, useTestDatabase } from './test-database';
