// Brings a database to the current schema: our SQL migrations first, then
// graphile-worker's own schema so jobs can be queued from our transactions.
import { fileURLToPath } from 'node:url';
import { Logger, runMigrations } from 'graphile-worker';
import { runner } from 'node-pg-migrate';
import postgres from 'postgres';
import { maskUrl } from './client';

/** Absolute path of the SQL migrations shipped with @heard/db. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

// Arbitrary but fixed; distinct from node-pg-migrate's own lock id so holding
// both on different connections cannot deadlock.
const MIGRATE_LOCK = 4_817_226_031_339;

/** Applies pending migrations (safe to run from several processes at once); returns the names applied. */
export async function migrate(
  url: string,
  log: (line: string) => void = () => {},
): Promise<{ applied: string[] }> {
  // node-pg-migrate serialises its own part, but graphile-worker's installer
  // only tolerates races by retrying. One outer session lock makes the whole
  // sequence run once at a time per database.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const session = await sql.reserve();
    try {
      await session`select pg_advisory_lock(${MIGRATE_LOCK}::bigint)`;
      const ran = await runner({
        databaseUrl: url,
        dir: MIGRATIONS_DIR,
        // Only *.sql files are migrations; a README or editor backup is not.
        ignorePattern: String.raw`(?:\..*|(?!.*\.sql$).*)`,
        migrationsTable: 'pgmigrations',
        direction: 'up',
        count: Number.POSITIVE_INFINITY,
        // Features are developed side by side, so a migration can land dated before one an
        // existing database already ran. Each of ours touches its own tables, so running the
        // late one then is safe; refusing would lock people out of their data directory.
        checkOrder: false,
        singleTransaction: true,
        // The default 'fail' makes a second concurrent runner throw instead of waiting.
        advisoryLockMode: 'wait',
        log: (message: string) => log(message),
      });
      await runMigrations({
        connectionString: url,
        logger: new Logger(() => (level, message) => {
          if (level !== 'debug') log(`graphile-worker: ${message}`);
        }),
      });
      return { applied: ran.map((migration) => migration.name) };
    } finally {
      await session`select pg_advisory_unlock(${MIGRATE_LOCK}::bigint)`.catch(() => {});
      session.release();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migrating ${maskUrl(url)} failed: ${message}`, { cause: error });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
