import { execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interrupt, startHub } from '../support/start-command';

let dataDir: string;

function postgresProcessesFor(dir: string): string[] {
  return execSync('ps -eo args', { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir));
}

describe('pnpm start', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'heard-start-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty machine with the demo organisation, serves pages, and leaves no postgres behind on Ctrl-C', async () => {
    const run = await startHub(dataDir);
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
    const run = await startHub(dataDir);
    expect(run.output()).not.toContain('Seeded');
    expect((await fetch(`http://127.0.0.1:${run.web}/sign-in`)).status).toBe(200);
    expect(await interrupt(run.child)).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});
