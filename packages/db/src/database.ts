// The one call apps make at startup: a migrated database, either the one in
// DATABASE_URL or a private embedded cluster for zero-setup development.
import type postgres from 'postgres';
import { connect, describeConnectionError, maskUrl, ping, withDatabase } from './client';
import { createDatabase, type EmbeddedPostgres, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

/** The subset of a pino logger that openDatabase uses. */
export interface DatabaseLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Use this server; when absent an embedded cluster is started in `dataDir`. */
  databaseUrl?: string | undefined;
  /** Where the embedded cluster keeps its data between runs. */
  dataDir: string;
  log: DatabaseLog;
  /** Pool size; defaults to 10. */
  max?: number;
  applicationName?: string;
}

/** An open, migrated database. */
export interface Database {
  url: string;
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>;
  /** Ends the pool and stops the embedded cluster if this call started it. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'heard';
const CONNECT_DEADLINE_MS = 15_000;

/** Connects (or starts the embedded cluster), verifies connectivity and migrates. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { log } = options;
  let cluster: EmbeddedPostgres | undefined;
  let url = options.databaseUrl;
  if (!url) {
    cluster = await startEmbeddedPostgres({
      persistent: true,
      dataDir: options.dataDir,
      // Statement errors reach the caller anyway; only the server failing itself is worth a warning.
      log: (line) => (/\b(FATAL|PANIC):/.test(line) ? log.warn(line) : log.debug(line)),
    });
    try {
      if (await createDatabase(cluster.url, EMBEDDED_DATABASE)) {
        log.info(`Created database "${EMBEDDED_DATABASE}".`);
      }
    } catch (error) {
      await cluster.stop();
      throw new Error(describeConnectionError(cluster.url, error), { cause: error });
    }
    url = withDatabase(cluster.url, EMBEDDED_DATABASE);
    log.info(`Using embedded PostgreSQL at ${maskUrl(url)} (data in ${cluster.dataDir}).`);
  }

  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  let sql: postgres.Sql<{}> | undefined;
  const abandon = async () => {
    await sql?.end({ timeout: 5 }).catch(() => {});
    await cluster?.stop();
  };
  try {
    sql = connect(url, { max: options.max ?? 10, applicationName: options.applicationName ?? 'heard' });
    await ping(sql, CONNECT_DEADLINE_MS);
  } catch (error) {
    await abandon();
    throw new Error(describeConnectionError(url, error), { cause: error });
  }
  try {
    const began = performance.now();
    const { applied } = await migrate(url, (line) => log.debug(line));
    const took = Math.round(performance.now() - began);
    if (applied.length > 0) {
      log.info(`Applied ${applied.length} migration(s) in ${took} ms: ${applied.join(', ')}.`);
    }
  } catch (error) {
    await abandon();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    sql,
    close() {
      closing ??= abandon();
      return closing;
    },
  };
}
