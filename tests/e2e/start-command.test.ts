import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;

function postgresProcessesFor(dir: string): string[] {
  return execSync('ps -eo args', { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir));
}

async function start(): Promise<{ child: ChildProcess; output: () => string; web: number; bot: number }> {
  const [web, bot] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HEARD_DATA_DIR: dataDir,
      PORT: String(web),
      BOT_PORT: String(bot),
      DATABASE_URL: '',
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

async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  process.kill(-child.pid!, 'SIGINT');
  return exited;
}

describe('pnpm start', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'heard-start-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty machine with the demo organisation, serves pages, and leaves no postgres behind on Ctrl-C', async () => {
    const run = await start();
    expect(run.output()).toContain('Seeded 40 people');
    expect(run.output()).toContain('sam.carter@example.com');
    expect(run.output()).toContain('Slack is off');
    expect(run.output()).toContain('Microsoft Teams is off');
    expect((await fetch(`http://127.0.0.1:${run.web}/sign-in`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${run.web}/healthz`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`http://127.0.0.1:${run.bot}/healthz`)).json()).toMatchObject({
      status: 'ok',
      integrations: { slack: false, teams: false },
    });
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);
    expect(await interrupt(run.child)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('starts again on the same data without seeding twice', async () => {
    const run = await start();
    expect(run.output()).not.toContain('Seeded');
    expect((await fetch(`http://127.0.0.1:${run.web}/sign-in`)).status).toBe(200);
    expect(await interrupt(run.child)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});
