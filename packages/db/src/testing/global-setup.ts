// Vitest globalSetup: one migrated template database per test run, which each
// test file clones (see test-database.ts) instead of migrating again.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '../client';
import { createDatabase, dropDatabase, type EmbeddedPostgres, startEmbeddedPostgres } from '../embedded';
import { migrate } from '../migrate';

/** What test workers receive through `inject('heardDb')`. */
export interface HeardDbContext {
  /** Server-level URL allowed to CREATE/DROP DATABASE. */
  adminUrl: string;
  /** Name of the migrated template database to clone. */
  template: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    heardDb: HeardDbContext;
  }
}

/** Starts a throw-away cluster (unless TEST_DATABASE_URL/DATABASE_URL is set) and migrates a template. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let cluster: EmbeddedPostgres | undefined;
  const began = performance.now();
  if (!external) cluster = await startEmbeddedPostgres({ persistent: false });
  const adminUrl = external ?? cluster!.url;
  const template = `heard_template_${randomBytes(4).toString('hex')}`;
  try {
    await createDatabase(adminUrl, template);
    await migrate(withDatabase(adminUrl, template));
  } catch (error) {
    if (external) await dropDatabase(adminUrl, template).catch(() => {});
    await cluster?.stop();
    throw error;
  }
  if (process.env.HEARD_DB_TIMINGS) {
    console.info(`[heard-db] template ready in ${Math.round(performance.now() - began)} ms`);
  }
  project.provide('heardDb', { adminUrl, template });

  return async () => {
    // A throw-away cluster takes its databases with it; only clean up a server we borrowed.
    if (external) await dropDatabase(adminUrl, template);
    await cluster?.stop();
  };
}
