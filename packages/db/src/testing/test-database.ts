// Gives each test file its own database, cloned from the migrated template in
// milliseconds, so files can run in parallel without sharing rows.
import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect, withDatabase } from '../client';
import { createDatabase, dropDatabase } from '../embedded';
import type { HeardDbContext } from './global-setup';

/** Handle returned by {@link useTestDatabase}; the getters throw before `beforeAll` ran. */
export interface TestDatabase {
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql(): postgres.Sql<{}>;
  url(): string;
}

/** Call at the top of a test file: a fresh migrated database for that file, dropped afterwards. */
export function useTestDatabase(): TestDatabase {
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  let sql: postgres.Sql<{}> | undefined;
  let url: string | undefined;
  let context: HeardDbContext | undefined;
  const name = `heard_t_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    context = inject('heardDb');
    if (!context)
      throw new Error('heardDb was not provided; is packages/db/src/testing/global-setup.ts in globalSetup?');
    // Nobody may be connected to the template while it is cloned, which is
    // why the pool below only ever points at the clone.
    await createDatabase(context.adminUrl, name, context.template);
    url = withDatabase(context.adminUrl, name);
    sql = connect(url, { max: 4, applicationName: 'heard-test' });
  });

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    if (context) await dropDatabase(context.adminUrl, name);
  });

  return {
    sql() {
      if (!sql) throw new Error('useTestDatabase().sql() is only available inside tests and hooks.');
      return sql;
    },
    url() {
      if (!url) throw new Error('useTestDatabase().url() is only available inside tests and hooks.');
      return url;
    },
  };
}
