import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseLog, openDatabase } from './database';
import { useTestDatabase } from './testing';

const db = useTestDatabase();
const quiet: DatabaseLog = { info() {}, warn() {}, debug() {} };
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await fs.rm(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('uses DATABASE_URL when given and finds nothing left to migrate', async () => {
    const lines: string[] = [];
    const database = await openDatabase({
      databaseUrl: db.url(),
      dataDir: '/nonexistent',
      log: { ...quiet, info: (line) => lines.push(line) },
    });
    try {
      expect(await database.sql`select 1 as one`).toEqual([{ one: 1 }]);
      expect(lines.filter((line) => line.startsWith('Applied'))).toEqual([]);
    } finally {
      await database.close();
      await database.close(); // idempotent
    }
  });

  it('fails with one sentence when the server cannot be reached', async () => {
    const attempt = openDatabase({
      databaseUrl: 'postgres://heard:hunter2@127.0.0.1:1/heard',
      dataDir: '',
      log: quiet,
    });
    await expect(attempt).rejects.toThrow(
      /^Cannot reach PostgreSQL at postgres:\/\/heard:\*\*\*@127\.0\.0\.1:1\/heard \(connection refused\)\./,
    );
    await expect(openDatabase({ databaseUrl: 'not a url', dataDir: '', log: quiet })).rejects.toThrow(
      /is not a valid URL/,
    );
  });

  it('starts, migrates and stops a persistent embedded cluster when no URL is given', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'heard-open-test-'));
    scratch.push(dataDir);
    const lines: string[] = [];
    const database = await openDatabase({ dataDir, log: { ...quiet, info: (line) => lines.push(line) } });
    try {
      expect(database.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/heard$/);
      const [row] = await database.sql`select count(*)::int as n from pgmigrations`;
      expect(row?.n).toBeGreaterThan(0);
      expect(lines.some((line) => line.startsWith('Created database "heard"'))).toBe(true);
    } finally {
      await database.close();
    }
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dataDir));
    expect(left).toEqual([]);
  });
});
