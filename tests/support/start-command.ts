import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartedHub {
  child: ChildProcess;
  /** Everything the start command printed so far, stdout and stderr together. */
  output: () => string;
  web: number;
  bot: number;
}

/** Runs `pnpm start` (scripts/start.ts) on free ports and the embedded database in `dataDir`; resolves once it is ready. */
export async function startHub(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<StartedHub> {
  const [web, bot] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HEARD_DATA_DIR: dataDir,
      PORT: String(web),
      BOT_PORT: String(bot),
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so Ctrl-C can be sent the way a terminal sends it: to every process.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (child.exitCode !== null) throw new Error(`start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`start did not finish:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output, web, bot };
}

/** Sends Ctrl-C to the whole process group, as a terminal does; resolves with the exit code. */
export async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  process.kill(-child.pid!, 'SIGINT');
  return exited;
}

/** Processes still alive in the start command's process group, or holding its data directory. */
export function leftBehind(group: number, dir: string): string[] {
  return (
    execSync('ps -eo pgid=,stat=,args=', { encoding: 'utf8' })
      .split('\n')
      // A zombie has already exited; only its reaping is left, to an init that may be slow about it.
      .filter((line) => !/^\s*\d+\s+Z/.test(line))
      .filter(
        (line) => line.trim().startsWith(`${group} `) || (line.includes('postgres') && line.includes(dir)),
      )
  );
}
