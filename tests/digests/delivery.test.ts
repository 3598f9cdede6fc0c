import {
  createDigestMailer,
  deliverDigestTask,
  Pacer,
  PLATFORM_RATE,
  pacedDelivery,
  retryAfterMs,
} from '@heard/bot';
import { buildDigest, createDigestStore, verifyUnsubscribeToken } from '@heard/db';
import { useTestDatabase } from '@heard/db/testing';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import { httpChatDelivery } from './fake-chat';
import { insightThisWeek, organisation, subscribe, WEEK, weeklyMonday } from './fixtures';

const SLACK = 'https://slack.com/api/chat.postMessage';
const database = useTestDatabase();
const mock = setupServer();
let smtp: TestSmtp;
let org: Awaited<ReturnType<typeof organisation>>;
const log = pino({ level: 'silent' });
const hubUrl = 'https://heard.example.com';

/** What graphile-worker hands a task, for the attempt numbers the task looks at. */
const helpers = (attempts: number, maxAttempts = 6) =>
  ({ job: { attempts, max_attempts: maxAttempts } }) as unknown as Parameters<
    ReturnType<typeof deliverDigestTask>
  >[1];

async function builtDigest(channel: 'email' | 'slack' | 'teams', personId = org.supportLead.id) {
  const sql = database.sql();
  const subscription = await subscribe(sql, personId, weeklyMonday({ channel }));
  const outcome = await buildDigest(sql, {
    subscriptionId: subscription.id,
    periodEnd: WEEK.due.toISOString(),
  });
  if (outcome.outcome !== 'built' || outcome.empty) throw new Error('expected a digest with content');
  return { digestId: outcome.digestId, subscription };
}

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: 'error' });
  smtp = await startTestSmtp();
  const sql = database.sql();
  org = await organisation(sql);
  await sql`update people set email = 'sue@example.com' where id = ${org.supportLead.id}`;
  await insightThisWeek(sql, {
    title: 'Invoices arrive twice',
    tags: ['billing'],
    goals: [{ goalId: org.goal.id, rationale: null, linkedBy: org.admin.id, linkedAt: WEEK.inside }],
  });
  await sql`insert into evaluations (goal_id, result, kpi_value, note, evaluator_id, evaluated_at)
            values (${org.goal.id}, 'better', 6.5, 'Fewer double charges.', ${org.goal.ownerId}, ${WEEK.inside})`;
});

afterAll(async () => {
  mock.close();
  await smtp?.close();
});

describe('email digests over SMTP', () => {
  it('arrive with HTML and text parts, the KPI chart inline, and a one-click unsubscribe header', async () => {
    const sql = database.sql();
    const { digestId, subscription } = await builtDigest('email');
    const mailer = createDigestMailer({ smtpUrl: smtp.url, from: 'Heard <digests@heard.example.com>' });
    const task = deliverDigestTask({ db: sql, log, hubUrl, chat: {}, mailer });
    await task({ digestId }, helpers(1));
    const mail = await smtp.next();
    mailer.close();

    expect(mail.to).toMatchObject({ text: 'sue@example.com' });
    expect(mail.subject).toBe('Weekly digest · Tag: #billing (31 Dec 2029 – 7 Jan 2030)');
    expect(mail.html).toContain('Invoices arrive twice');
    expect(mail.text).toContain('Invoices arrive twice');
    expect(mail.messageId).toBe(`<digest-${digestId}@heard.example.com>`);
    const chart = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(chart?.contentId).toBe(`<kpi-${org.goal.id}@heard>`);
    expect(chart!.content.subarray(1, 4).toString()).toBe('PNG');
    // mailparser swaps the cid: reference for the attachment's data, so the image is the one referenced.
    expect(mail.html).toContain('alt="Monthly churn: 6.5% (target 4%)"');

    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\s+/g, ' ');
    // RFC 8058: an https link in List-Unsubscribe and the one-click marker beside it.
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const token = header('list-unsubscribe')?.match(
      /^List-Unsubscribe: <https:\/\/heard\.example\.com\/unsubscribe\/([^>]+)>$/,
    )?.[1];
    expect(token).toBeTruthy();
    expect(await verifyUnsubscribeToken(sql, token!)).toBe(subscription.id);
    expect(mail.text).toContain(`${hubUrl}/unsubscribe/${token}`);

    const stored = await createDigestStore(sql).find(digestId);
    expect(stored).toMatchObject({
      status: 'sent',
      delivery: { platform: 'email', messageRef: mail.messageId },
    });
  });

  it('are kept in the web archive when SMTP_URL is not set', async () => {
    const sql = database.sql();
    const { digestId } = await builtDigest('email');
    await deliverDigestTask({ db: sql, log, hubUrl, chat: {}, mailer: null })({ digestId }, helpers(1));
    expect(await createDigestStore(sql).find(digestId)).toMatchObject({
      status: 'archived',
      delivery: { note: expect.stringContaining('SMTP_URL') },
    });
  });

  it('are sent once: the same delivery job run again sends nothing more', async () => {
    const sql = database.sql();
    const { digestId } = await builtDigest('email');
    const mailer = createDigestMailer({ smtpUrl: smtp.url });
    const task = deliverDigestTask({ db: sql, log, hubUrl, chat: {}, mailer });
    const before = smtp.received.length;
    await task({ digestId }, helpers(1));
    await smtp.next();
    await task({ digestId }, helpers(2));
    mailer.close();
    expect(smtp.received.length).toBe(before + 1);
  });
});

describe('chat delivery: pace, 429 and retries', () => {
  it('waits exactly as long as a 429’s Retry-After says, then delivers, and records the message', async () => {
    const sql = database.sql();
    let calls = 0;
    mock.use(
      http.post(SLACK, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '3' } })
          : HttpResponse.json({ ok: true, ts: '1700000000.000100' });
      }),
    );
    const waits: number[] = [];
    const slack = pacedDelivery(httpChatDelivery('slack', SLACK), {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const { digestId } = await builtDigest('slack');
    await deliverDigestTask({ db: sql, log, hubUrl, chat: { slack }, mailer: null })(
      { digestId },
      helpers(1),
    );
    expect(calls).toBe(2);
    expect(waits).toContain(3000);
    expect(await createDigestStore(sql).find(digestId)).toMatchObject({
      status: 'sent',
      delivery: { platform: 'slack', messageRef: '1700000000.000100' },
    });
  });

  it('backs off exponentially on server errors, and leaves a lasting failure to the queue to retry later', async () => {
    const sql = database.sql();
    mock.use(http.post(SLACK, () => new HttpResponse(null, { status: 503 })));
    const waits: number[] = [];
    const slack = pacedDelivery(httpChatDelivery('slack', SLACK), {
      attempts: 4,
      backoffMs: 100,
      sleep: async () => {},
      onRetry: ({ waitMs }) => waits.push(waitMs),
    });
    const { digestId } = await builtDigest('slack');
    const task = deliverDigestTask({ db: sql, log, hubUrl, chat: { slack }, mailer: null });
    await expect(task({ digestId }, helpers(1))).rejects.toThrow('slack answered 503');
    const backoffs = waits;
    expect(backoffs).toHaveLength(3);
    expect(backoffs[1]! / backoffs[0]!).toBeGreaterThan(1.2);
    expect(backoffs[2]! / backoffs[1]!).toBeGreaterThan(1.2);
    expect(await createDigestStore(sql).find(digestId)).toMatchObject({ status: 'pending', attempts: 1 });

    // The queue's last attempt fails too: kept in the archive as undeliverable, admins told.
    await task({ digestId }, helpers(6));
    expect(await createDigestStore(sql).find(digestId)).toMatchObject({ status: 'undeliverable' });
    const notices =
      await sql`select person_id, kind, link from notifications where kind = 'digest.undeliverable'`;
    expect(notices).toEqual([
      { person_id: org.admin.id, kind: 'digest.undeliverable', link: '/digests#undeliverable' },
    ]);
  });

  it('does not retry what cannot succeed: a subscriber without a Teams conversation is reported at once', async () => {
    const sql = database.sql();
    const teams = pacedDelivery(
      httpChatDelivery('teams', 'https://smba.trafficmanager.net/teams/v3/conversations', new Set()),
    );
    const { digestId } = await builtDigest('teams', org.salesLead.id);
    await deliverDigestTask({ db: sql, log, hubUrl, chat: { teams }, mailer: null })(
      { digestId },
      helpers(1),
    );
    const stored = await createDigestStore(sql).find(digestId);
    expect(stored).toMatchObject({
      status: 'undeliverable',
      lastError: expect.stringContaining('no Teams conversation'),
    });
    const undeliverable = await createDigestStore(sql).listUndeliverable();
    expect(undeliverable.map((d) => d.id)).toContain(digestId);
    expect(JSON.stringify(undeliverable)).not.toContain('Invoices arrive twice');
  });

  it('reports a digest for a platform that is not configured', async () => {
    const sql = database.sql();
    const { digestId } = await builtDigest('slack', org.salesLead.id);
    await deliverDigestTask({ db: sql, log, hubUrl, chat: {}, mailer: null })({ digestId }, helpers(1));
    expect(await createDigestStore(sql).find(digestId)).toMatchObject({
      status: 'undeliverable',
      lastError: 'Slack is not configured.',
    });
  });
});

describe('pacing per platform', () => {
  /** A clock that jumps forward by every wait, so pacing is checked without waiting. */
  function fakeTime() {
    let now = 0;
    return {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
  }

  it('sends to one Slack channel one at a time, a second after the previous one finished; other channels do not wait', async () => {
    const t = fakeTime();
    const pacer = new Pacer(1000, t.sleep);
    const sent: Array<{ key: string; at: number }> = [];
    const send = (key: string) => pacer.run(key, async () => sent.push({ key, at: t.now() }));
    await Promise.all([send('D1'), send('D1'), send('D2'), send('D1')]);
    const d1 = sent.filter((s) => s.key === 'D1').map((s) => s.at);
    expect(d1).toHaveLength(3);
    // The clock is shared by every key here, so gaps are at least a second, not exactly one.
    expect(Math.min(d1[1]! - d1[0]!, d1[2]! - d1[1]!)).toBeGreaterThanOrEqual(1000);
    expect(sent.findIndex((s) => s.key === 'D2')).toBeLessThan(
      sent.findIndex((s) => s.key === 'D1' && s.at > d1[0]!),
    );
  });

  it('allows Teams seven messages a second per conversation', async () => {
    const t = fakeTime();
    const pacer = new Pacer(1000 / PLATFORM_RATE.teams, t.sleep);
    const at: number[] = [];
    for (let i = 0; i < 8; i++) await pacer.run('conversation', async () => at.push(t.now()));
    expect(Math.round(at[7]! - at[0]!)).toBe(1000);
  });

  it('reads Retry-After from the shapes the Slack and Teams clients raise', () => {
    expect(retryAfterMs({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toBe(7000);
    expect(retryAfterMs({ statusCode: 429, headers: { 'retry-after': '2' } })).toBe(2000);
    expect(retryAfterMs({ status: 429 })).toBe(1000);
    expect(retryAfterMs(new Error('boom'))).toBeNull();
  });
});
