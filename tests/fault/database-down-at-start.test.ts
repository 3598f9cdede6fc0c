import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@heard/db';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UNREACHABLE = 'postgres://heard:s3cret@127.0.0.1:1/heard';

describe('starting with a database that is down', () => {
  it('fails with one sentence naming the URL, password masked', async () => {
    const attempt = openDatabase({
      databaseUrl: UNREACHABLE,
      dataDir: '.unused',
      log: { info() {}, warn() {}, debug() {} },
    });
    await expect(attempt).rejects.toThrow('postgres://heard:***@127.0.0.1:1/heard');
    await expect(attempt).rejects.not.toThrow('s3cret');
  });

  it('makes `pnpm start` print that sentence and exit, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: UNREACHABLE, PORT: '39998', BOT_PORT: '39999' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Cannot reach PostgreSQL at postgres:\/\/heard:\*\*\*@127\.0\.0\.1:1\/heard/);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('s3cret');
  });
});
