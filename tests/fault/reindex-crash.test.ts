import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import { createPostgresSearchIndex } from '@heard/search';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const database = useTestDatabase();

async function allIndexedIds(): Promise<string[]> {
  const index = createPostgresSearchIndex(database.sql());
  const ids: string[] = [];
  for (
    let page = await index.listIds(null, 1000);
    page.length > 0;
    page = await index.listIds(ids.at(-1)!, 1000)
  ) {
    ids.push(...page);
  }
  return ids;
}

beforeAll(async () => {
  await seedDemo(database.sql(), { insights: 10_000 });
});

describe('a reindex killed half-way', () => {
  it('leaves an index that one more run makes equal to the database', async () => {
    const env = { ...process.env, DATABASE_URL: database.url(), MEILI_URL: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/heard.ts', 'reindex'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it hard (no clean-up) once it has indexed a few thousand.
    while (!/\b([3-9]\d{3})\/10000/.test(output)) {
      if (child.exitCode !== null) throw new Error(`reindex ended before it could be killed:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await exited;
    const partial = await allIndexedIds();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(10_000);

    // A stale entry (an insight erased meanwhile) must go too.
    await database.sql()`delete from insights where id = ${partial[0]!}`;

    const again = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/heard.ts', 'reindex'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/postgres: indexed 9999, removed 1 stale entr/);
    const inDatabase = (await database.sql()`select id::text from insights order by id`).map(
      (r) => r.id as string,
    );
    expect(await allIndexedIds()).toEqual(inDatabase);
  });
});
