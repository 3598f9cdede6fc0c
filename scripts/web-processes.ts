// The web hub served by several processes (node:cluster): one page render is a few milliseconds
// of CPU on one thread, so a machine with several cores answers more people at once this way.
// All processes share the one PostgreSQL; sessions and rate limits already live there.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** The environment variable that carries a web process's settings from the first process. */
export const WEB_PROCESS_SETTINGS = 'HEARD_WEB_PROCESS';
const ENTRY = fileURLToPath(new URL('./web-process.ts', import.meta.url));
/** Beyond this, more processes mostly add PostgreSQL connections and memory. */
const MAX_DEFAULT_PROCESSES = 4;
const START_DEADLINE_MS = 60_000;
const STOP_DEADLINE_MS = 10_000;

export interface WebProcessSettings {
  databaseUrl: string;
  port: number;
  hostname?: string;
  /** Offer the demo sign-ins on the sign-in page. */
  demo: boolean;
  logLevel: string;
  /** Connections each process keeps to PostgreSQL. */
  poolSize: number;
  /** Another copy of the server build (the bench keeps one aside); by default apps/web/build. */
  serverBuild?: string;
  /** Keep each request's server time for `timings()`. */
  timings?: boolean;
}

export type WebProcessMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'stop' }
  | { type: 'timings' }
  | { type: 'timings'; samples: number[]; cpuMs: number };

/**
 * How many web processes to run: WEB_PROCESSES when set, else one per core up to four. Under the
 * test runner, one unless asked: tests start many hubs side by side on a small machine.
 */
export function webProcessCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.WEB_PROCESSES?.trim();
  if (asked) {
    const count = Number(asked);
    if (!Number.isInteger(count) || count < 1 || count > 64)
      throw new Error(
        `Environment variable WEB_PROCESSES is not valid: give a whole number from 1 to 64 (got "${asked}").`,
      );
    return count;
  }
  if (env.VITEST) return 1;
  return Math.min(os.availableParallelism(), MAX_DEFAULT_PROCESSES);
}

export interface WebProcesses {
  port: number;
  count: number;
  /** Server times (ms) of the requests since the last call, from every process, and their CPU so far. */
  timings(): Promise<{ samples: number[]; cpuMs: number }>;
  /** Lets each process finish and end its database connections; kills one that does not in time. */
  stop(): Promise<void>;
}

/** Starts `count` web processes sharing `settings.port`; resolves once every one listens. */
export async function startWebProcesses(
  count: number,
  settings: WebProcessSettings,
  log: { warn(message: string): void } = console,
): Promise<WebProcesses> {
  cluster.setupPrimary({ exec: ENTRY, execArgv: process.execArgv, silent: false });
  let stopping = false;
  let started = false;
  let port = settings.port;
  const workers = new Set<Worker>();
  /** Those listening: they stop when asked, after their last answers; the others are simply ended. */
  const ready = new Set<Worker>();
  const env = { [WEB_PROCESS_SETTINGS]: JSON.stringify(settings) };

  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork(env);
      workers.add(worker);
      const deadline = setTimeout(() => {
        worker.process.kill('SIGKILL');
        reject(new Error('A web hub process did not start within a minute.'));
      }, START_DEADLINE_MS);
      const onMessage = (message: WebProcessMessage) => {
        if (message.type === 'ready') {
          clearTimeout(deadline);
          worker.off('message', onMessage);
          ready.add(worker);
          port = message.port;
          resolve(worker);
        } else if (message.type === 'failed') {
          clearTimeout(deadline);
          reject(new Error(message.message));
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', (code, signal) => {
        clearTimeout(deadline);
        workers.delete(worker);
        const wasServing = ready.delete(worker);
        reject(new Error(`A web hub process stopped while starting (${signal ?? `exit code ${code}`}).`));
        if (stopping || !started || !wasServing) return;
        // A process that dies while serving is replaced (the others keep answering meanwhile); one
        // that cannot even start is not, or a broken setting would start processes for ever.
        log.warn(`A web hub process stopped (${signal ?? `exit code ${code}`}); starting another.`);
        void fork().catch((error) => log.warn(`Could not replace it: ${error.message}`));
      });
    });

  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            const deadline = setTimeout(() => worker.process.kill('SIGKILL'), STOP_DEADLINE_MS);
            worker.once('exit', () => {
              clearTimeout(deadline);
              resolve();
            });
            if (ready.has(worker) && worker.isConnected())
              worker.send({ type: 'stop' } satisfies WebProcessMessage);
            else worker.process.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    // Side by side: each takes a few seconds to load; the first refusal (a port in use, a broken
    // build) is the one sentence reported, and the others are stopped.
    await Promise.all(Array.from({ length: count }, fork));
    started = true;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port,
    count,
    stop,
    async timings() {
      const answers = await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<{ samples: number[]; cpuMs: number }>((resolve) => {
              const onMessage = (message: WebProcessMessage) => {
                if (message.type !== 'timings' || !('samples' in message)) return;
                worker.off('message', onMessage);
                resolve(message);
              };
              worker.on('message', onMessage);
              worker.send({ type: 'timings' } satisfies WebProcessMessage);
            }),
        ),
      );
      return {
        samples: answers.flatMap((a) => a.samples),
        cpuMs: answers.reduce((sum, a) => sum + a.cpuMs, 0),
      };
    },
  };
}
