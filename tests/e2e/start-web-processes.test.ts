import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webProcessCount } from '../../scripts/web-processes';
import { interrupt, leftBehind, startHub } from '../support/start-command';

let dataDir: string;

/** "pgid pid args" of the web processes in the start command's process group. */
function webProcessesOf(group: number): string[] {
  return execSync('ps -eo pgid=,pid=,args=', { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim().startsWith(`${group} `) && line.includes('web-process.ts'));
}

describe('WEB_PROCESSES', () => {
  it('is one process per core up to four, one under the test runner, or the number asked for', () => {
    expect(webProcessCount({ WEB_PROCESSES: '3' })).toBe(3);
    expect(webProcessCount({ VITEST: 'true' })).toBe(1);
    expect(webProcessCount({ VITEST: 'true', WEB_PROCESSES: '2' })).toBe(2);
    expect(webProcessCount({})).toBeGreaterThanOrEqual(1);
    expect(webProcessCount({})).toBeLessThanOrEqual(4);
    expect(() => webProcessCount({ WEB_PROCESSES: 'many' })).toThrow(
      'Environment variable WEB_PROCESSES is not valid: give a whole number from 1 to 64 (got "many").',
    );
    expect(() => webProcessCount({ WEB_PROCESSES: '0' })).toThrow('WEB_PROCESSES is not valid');
  });
});

describe('pnpm start with two web processes', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'heard-start-processes-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the hub from both, sessions working across them, and Ctrl-C leaves no process behind', async () => {
    const { child, output: printed, web } = await startHub(dataDir, { WEB_PROCESSES: '2' });
    expect(printed()).toContain(`Web hub: http://localhost:${web}  (2 processes; WEB_PROCESSES)`);
    const webProcesses = webProcessesOf(child.pid!);
    expect(webProcesses).toHaveLength(2);

    // Signed in through one connection, then read on fresh connections: whichever process
    // answers, the session stored in PostgreSQL is the same.
    const signIn = await fetch(`http://127.0.0.1:${web}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${web}` },
      body: new URLSearchParams({ email: 'sam.carter@example.com', password: 'heard-demo' }),
      redirect: 'manual',
    });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    expect(cookie).toMatch(/^heard_session=/);
    for (let i = 0; i < 6; i++) {
      const feed = await fetch(`http://127.0.0.1:${web}/`, {
        headers: { cookie: cookie!, connection: 'close' },
      });
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('Sam Carter');
    }
    expect(await (await fetch(`http://127.0.0.1:${web}/healthz`)).json()).toMatchObject({ status: 'ok' });

    // A web process that dies is replaced.
    const [victim] = webProcesses.map((line) => Number(line.trim().split(/\s+/)[1]));
    process.kill(victim!, 'SIGKILL');
    const replaced = Date.now() + 60_000;
    while (
      !printed().includes('A web hub process stopped (SIGKILL); starting another.') ||
      webProcessesOf(child.pid!).length < 2
    ) {
      if (Date.now() > replaced) throw new Error(`the web process was not replaced:\n${printed()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(webProcessesOf(child.pid!).some((line) => line.includes(` ${victim} `))).toBe(false);
    for (let i = 0; i < 4; i++) {
      const page = await fetch(`http://127.0.0.1:${web}/`, {
        headers: { cookie: cookie!, connection: 'close' },
      });
      expect(page.status).toBe(200);
    }

    expect(await interrupt(child)).toBe(0);
    expect(leftBehind(child.pid!, dataDir)).toEqual([]);
  });
});
