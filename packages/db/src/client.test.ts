import { describe, expect, it } from 'vitest';
import { checkDatabase, connect, describeConnectionError, maskUrl } from './client';
import { useTestDatabase } from './testing';

const db = useTestDatabase();

describe('describeConnectionError', () => {
  it('explains a refused port in one sentence with the password masked', async () => {
    const url = 'postgres://heard:s3cret@127.0.0.1:1/heard';
    const sql = connect(url, { max: 1 });
    const error = await sql`select 1`.catch((e: unknown) => e);
    await sql.end();

    const message = describeConnectionError(url, error);
    expect(message).toBe(
      'Cannot reach PostgreSQL at postgres://heard:***@127.0.0.1:1/heard (connection refused). Is the server running and is DATABASE_URL right?',
    );
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames
  });

  it('names a missing database and a bad password', async () => {
    const missing = new URL(db.url());
    missing.pathname = '/no_such_database';
    const sql = connect(missing.toString(), { max: 1 });
    const error = await sql`select 1`.catch((e: unknown) => e);
    await sql.end();
    expect(describeConnectionError(missing.toString(), error)).toMatch(/has no database "no_such_database"/);

    const wrong = new URL(db.url());
    wrong.password = 'wrong-password';
    const sql2 = connect(wrong.toString(), { max: 1 });
    const authError = await sql2`select 1`.catch((e: unknown) => e);
    await sql2.end();
    const message = describeConnectionError(wrong.toString(), authError);
    expect(message).toMatch(/rejected the credentials/);
    expect(message).not.toContain('wrong-password');
  });

  it('explains an unknown host', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND', hostname: 'db' });
    expect(describeConnectionError('postgres://heard:pw@db:5432/heard', error)).toBe(
      'Cannot reach PostgreSQL at postgres://heard:***@db:5432/heard (host "db" not found). Is DATABASE_URL right?',
    );
  });
});

describe('maskUrl', () => {
  it('masks passwords in the authority and the query string', () => {
    expect(maskUrl('postgres://u:p%40ss@h:5432/d?password=x&sslmode=require')).toBe(
      'postgres://u:***@h:5432/d?password=***&sslmode=require',
    );
    expect(maskUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });
});

describe('checkDatabase', () => {
  it('reports latency when the database answers', async () => {
    const health = await checkDatabase(db.sql());
    expect(health).toMatchObject({ ok: true });
  });

  it('reports one sentence when it does not', async () => {
    const sql = connect('postgres://heard:pw@127.0.0.1:1/heard', { max: 1 });
    const health = await checkDatabase(sql);
    await sql.end();
    expect(health).toEqual({
      ok: false,
      error: expect.stringMatching(/^Cannot reach PostgreSQL at .*connection refused/),
    });
  });
});
