import {
  digestsIntegration,
  type IntegrationContext,
  readBotConfig,
  startWorker,
  type Worker,
} from '@heard/bot';
import type { Database } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import { createPostgresSearchIndex } from '@heard/search';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import { insightThisWeek, organisation, subscribe } from './fixtures';

const database = useTestDatabase();
let smtp: TestSmtp;
let worker: Worker | undefined;
let stopIntegration: (() => Promise<void>) | undefined;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 300 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  smtp = await startTestSmtp();
});

afterAll(async () => {
  await worker?.stop();
  await stopIntegration?.();
  await smtp?.close();
});

describe('the digest jobs in the worker, end to end', () => {
  it('starts with its crontab, and one tick builds and emails the due digest, once', async () => {
    const sql = database.sql();
    const org = await organisation(sql);
    const now = Date.now();
    await insightThisWeek(sql, {
      title: 'Checkout times out for Acme',
      tags: ['billing'],
      createdAt: new Date(now - 3600_000),
    });
    // Due two minutes ago, in UTC, subscribed three days ago.
    const due = new Date(now - 120_000);
    const localTime = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
    await subscribe(
      sql,
      org.supportLead.id,
      {
        scope: { kind: 'tag', tag: 'billing' },
        cadence: { kind: 'daily' },
        localTime,
        timeZone: 'UTC',
        channel: 'email',
      },
      new Date(now - 3 * 86_400_000),
    );

    const db: Database = { url: database.url(), sql, close: async () => {} };
    const log = pino({ level: 'silent' });
    const context: IntegrationContext = {
      config: readBotConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Heard <digests@example.com>' }),
      db,
      log,
      search: createPostgresSearchIndex(sql),
      hubUrl: 'http://localhost:3000',
    };
    const digests = digestsIntegration(context, []);
    stopIntegration = digests.stop;
    expect(digests.crontab).toEqual(['* * * * * digest-tick ?max=1']);
    worker = await startWorker(db, log, {
      searchIndexes: [],
      tasks: digests.tasks,
      crontab: digests.crontab,
    });

    // What cron does each minute, twice over: the second tick finds nothing left to do.
    await sql`select graphile_worker.add_job('digest-tick', '{}'::json)`;
    await sql`select graphile_worker.add_job('digest-tick', '{}'::json)`;
    const mail = await smtp.next(30_000);
    expect(mail.subject).toContain('Daily digest · Tag: #billing');
    expect(mail.text).toContain('Checkout times out for Acme');
    const rows = await eventually(
      () => sql`select status, delivery from digests`,
      (r) => r.length === 1 && r[0]!.status === 'sent',
    );
    expect(rows).toEqual([{ status: 'sent', delivery: expect.objectContaining({ platform: 'email' }) }]);
    await eventually(
      () => sql`select count(*)::int as n from graphile_worker.jobs`,
      (r) => r[0]!.n === 0,
    );
    expect(smtp.received).toHaveLength(1);
  });
});
