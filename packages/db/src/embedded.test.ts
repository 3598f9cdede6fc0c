import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded';

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await fs.rm(dir, { recursive: true, force: true });
});

async function tempDir(mode = 0o755): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heard-embedded-test-'));
  await fs.chmod(dir, mode);
  scratch.push(dir);
  return dir;
}

/** Processes (pid + args) whose command line mentions `needle`, or whose parent is `parentPid`. */
function processesFor(needle: string, parentPid?: number): string[] {
  return execFileSync('ps', ['-eo', 'pid,ppid,args'], { encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .filter((line) => {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      if (pid === process.pid) return false;
      return line.includes(needle) || (parentPid !== undefined && ppid === parentPid);
    });
}

function postmasterPid(dataDir: string): number {
  return processesFor(path.join(dataDir, 'pgdata'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .find((pid) => pid > 0)!;
}

async function query(url: string, text: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.unsafe(text);
  } finally {
    await sql.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('keeps data between runs of a persistent cluster and leaves no process behind', async () => {
    const dataDir = path.join(await tempDir(), 'pg');
    const first = await startEmbeddedPostgres({ persistent: true, dataDir });
    const postmaster = postmasterPid(dataDir);
    expect(postmaster).toBeGreaterThan(0);
    await query(first.url, 'create table kept (v int); insert into kept values (42)');
    await first.stop();
    await first.stop(); // idempotent
    expect(processesFor(dataDir, postmaster)).toEqual([]);

    const second = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      expect(second.port).toBe(first.port); // reused from the state file
      expect(await query(second.url, 'select v from kept')).toEqual([{ v: 42 }]);
    } finally {
      await second.stop();
    }
    expect(processesFor(dataDir)).toEqual([]);
  });

  it('refuses a data directory a live server already owns, and recovers from a stale pid file', async () => {
    const dataDir = path.join(await tempDir(), 'pg');
    const running = await startEmbeddedPostgres({ persistent: true, dataDir });
    try {
      await expect(startEmbeddedPostgres({ persistent: true, dataDir })).rejects.toThrow(
        /already running on this data directory/,
      );
    } finally {
      await running.stop();
    }
    // A pid file whose process is gone, as after `kill -9` of the server.
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    await fs.writeFile(path.join(dataDir, 'pgdata', 'postmaster.pid'), `${gone.pid}\n${dataDir}\n`);
    const again = await startEmbeddedPostgres({ persistent: true, dataDir });
    await again.stop();
  });

  it('deletes a throw-away cluster on stop', async () => {
    const cluster = await startEmbeddedPostgres({ persistent: false });
    expect(cluster.dataDir.startsWith(os.tmpdir())).toBe(true);
    expect(await query(cluster.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await cluster.stop();
    expect(existsSync(cluster.dataDir)).toBe(false);
    expect(processesFor(cluster.dataDir)).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'works as root with the data directory under a mode-700 directory',
    async () => {
      const privateDir = await tempDir(0o700);
      const dataDir = path.join(privateDir, 'nested', 'pg');
      const cluster = await startEmbeddedPostgres({ persistent: true, dataDir });
      try {
        expect(await query(cluster.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      } finally {
        await cluster.stop();
      }
      // Only search permission was added; the directory stays unlistable for others.
      expect((await fs.stat(privateDir)).mode & 0o777).toBe(0o701);
    },
  );
});

describe('a process that started a cluster', () => {
  const fixture = fileURLToPath(new URL('./testing/fixtures/start-embedded.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

  async function launch(mode: 'wait' | 'crash' | 'stop' | 'forget', dataDir?: string) {
    const child = spawn(tsx, [fixture, mode, ...(dataDir ? [dataDir] : [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const info = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      void exited.then(() => reject(new Error(`fixture exited before starting: ${stderr}`)));
    });
    return { child, info, exited, stderr: () => stderr };
  }

  async function expectNoOrphans(child: ChildProcess, dataDir: string, postmaster?: number) {
    // Give a dying postmaster's children a moment to be reaped by init.
    for (let i = 0; i < 50 && processesFor(dataDir, postmaster).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(processesFor(dataDir, postmaster)).toEqual([]);
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  }

  it('stops its cluster and exits on SIGINT (Ctrl-C)', async () => {
    const { child, info, exited } = await launch('wait');
    expect(await query(info.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    const postmaster = postmasterPid(info.dataDir);
    child.kill('SIGINT');
    const result = await exited;
    expect(result.signal === 'SIGINT' || result.code === 130).toBe(true);
    await expectNoOrphans(child, info.dataDir, postmaster);
    expect(existsSync(info.dataDir)).toBe(false);
  });

  it('stops its persistent cluster on SIGTERM', async () => {
    const dataDir = path.join(await tempDir(), 'pg');
    const { child, info, exited } = await launch('wait', dataDir);
    const postmaster = postmasterPid(info.dataDir);
    child.kill('SIGTERM');
    await exited;
    await expectNoOrphans(child, dataDir, postmaster);
    expect(existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false);
  });

  it('stops its cluster when it dies from an uncaught exception', async () => {
    const { child, info, exited, stderr } = await launch('crash');
    const postmaster = postmasterPid(info.dataDir);
    child.stdin?.write('crash\n');
    expect((await exited).code).toBe(1);
    expect(stderr()).toContain('deliberate crash');
    await expectNoOrphans(child, info.dataDir, postmaster);
    expect(existsSync(info.dataDir)).toBe(false);
  });

  it('exits normally after stop() with nothing else pending', async () => {
    const { child, info, exited } = await launch('stop');
    expect(await exited).toEqual({ code: 0, signal: null });
    await expectNoOrphans(child, info.dataDir);
    expect(existsSync(info.dataDir)).toBe(false);
  });

  it('stops a forgotten cluster when the event loop drains, keeping the exit code', async () => {
    const { child, info, exited } = await launch('forget');
    // The library's own exit hook would have forced exit code 0 here.
    expect(await exited).toEqual({ code: 3, signal: null });
    await expectNoOrphans(child, info.dataDir);
    expect(existsSync(info.dataDir)).toBe(false);
  });
});
