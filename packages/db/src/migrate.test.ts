import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect, withDatabase } from './client';
import { createDatabase, dropDatabase } from './embedded';
import { MIGRATIONS_DIR, migrate } from './migrate';

const { adminUrl } = inject('heardDb');
const created: string[] = [];
const ours = readdirSync(MIGRATIONS_DIR)
  .filter((file) => file.endsWith('.sql'))
  .map((file) => file.replace(/\.sql$/, ''))
  .sort();

async function freshDatabase(): Promise<string> {
  const name = `heard_m_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name);
  created.push(name);
  return withDatabase(adminUrl, name);
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe('migrate', () => {
  it('applies every migration to an empty database and nothing the second time', async () => {
    const url = await freshDatabase();
    const first = await migrate(url);
    expect(first.applied).toEqual(ours);
    expect(first.applied[0]).toBe('1732300000000_extensions');

    const second = await migrate(url);
    expect(second.applied).toEqual([]);

    const sql = connect(url, { max: 1 });
    try {
      const extensions = await sql<{ extname: string }[]>`
        select extname from pg_extension where extname in ('pg_trgm', 'unaccent', 'citext') order by extname`;
      expect(extensions.map((row) => row.extname)).toEqual(['citext', 'pg_trgm', 'unaccent']);
      // graphile-worker's schema is there, so jobs can be queued inside our transactions.
      await sql.begin((tx) => tx`select graphile_worker.add_job('noop', '{}'::json)`);
      const [jobs] = await sql<{ count: number }[]>`select count(*)::int as count from graphile_worker.jobs`;
      expect(jobs?.count).toBe(1);
    } finally {
      await sql.end();
    }
  });

  it('lets two concurrent migrate() calls on a fresh database both succeed', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    // Exactly one of them did the work; the other waited and found nothing to do.
    expect([...a.applied, ...b.applied].sort()).toEqual(ours);
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it('runs a migration that landed dated before ones the database already ran', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const late = '1732300012100_subscription-last-period';
    const sql = connect(url, { max: 1 });
    try {
      // As if this database had been migrated by a build that did not have it yet.
      await sql`alter table subscriptions drop column last_period_end`;
      await sql`delete from pgmigrations where name = ${late}`;
      expect(await migrate(url)).toEqual({ applied: [late] });
      const [column] = await sql`
        select 1 from information_schema.columns
        where table_name = 'subscriptions' and column_name = 'last_period_end'`;
      expect(column).toBeDefined();
    } finally {
      await sql.end();
    }
  });
});
