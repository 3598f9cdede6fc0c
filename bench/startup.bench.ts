import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './report';
import { round } from './report';

const PNPM = 'npx -y pnpm@10.34.9';

async function waitForPage(
  url: string,
  child: ChildProcess,
  began: number,
  timeoutMs = 300_000,
): Promise<number> {
  while (performance.now() - began < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`pnpm start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status === 200) return performance.now() - began;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No page at ${url} after ${timeoutMs} ms`);
}

async function runStart(cwd: string, port: number): Promise<number> {
  const began = performance.now();
  const child = spawn('sh', ['-c', `${PNPM} start`], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      BOT_PORT: String(port + 1),
      HEARD_DATA_DIR: path.join(cwd, '.heard'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    return await waitForPage(`http://127.0.0.1:${port}/sign-in`, child, began);
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** `pnpm start` from a fresh clone to the sign-in page served: install, first run (seed), second run. */
export async function benchStartup(repo: string): Promise<BenchResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'heard-clone-'));
  try {
    execSync(`git clone --quiet --local ${repo} ${dir}`);
    const installBegan = performance.now();
    execSync(`${PNPM} install --prefer-offline`, { cwd: dir, stdio: 'ignore' });
    const install = performance.now() - installBegan;
    const first = await runStart(dir, 3410);
    const second = await runStart(dir, 3410);
    return [
      {
        name: 'start.install_ms',
        value: round(install, 0),
        unit: 'ms',
        context: { note: 'pnpm install in a fresh clone, packages from the local store' },
      },
      {
        name: 'start.first_run_ms',
        value: round(first, 0),
        unit: 'ms',
        context: { note: 'build, initdb, migrate, seed 400 insights, build the search index, page served' },
      },
      {
        name: 'start.second_run_ms',
        value: round(second, 0),
        unit: 'ms',
        context: { note: 'build skipped (sources unchanged), existing data, page served' },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
