import { createIntegrations, readBotConfig } from '@heard/bot';
import { buildInsight, buildPerson, useTestDatabase } from '@heard/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../slack/support/slack-api';

const db = useTestDatabase();
const slack = new FakeSlack();
beforeAll(() => slack.listen());
afterAll(() => slack.close());

function integrations(env: NodeJS.ProcessEnv = {}) {
  const sql = db.sql();
  return createIntegrations({
    config: readBotConfig(env),
    db: { url: db.url(), sql, close: async () => {} },
    log: pino({ level: 'silent' }),
    search: undefined as never,
    hubUrl: 'http://localhost:3000',
  });
}

const helpers = {} as never;

describe('governance jobs in the worker', () => {
  it('schedules retention every night and runs it as a task that keeps its report', async () => {
    const all = integrations();
    expect(all.crontab).toContain('0 3 * * * apply-retention');
    await all.tasks['apply-retention']!({}, helpers);
    const runs = await db.sql()`select report from retention_runs`;
    expect(runs).toHaveLength(1);
    expect(runs[0]!.report).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ data: 'insight_text' })]),
    });
    await all.stop();
  });

  it('replaces the Slack cards of erased insights with "removed"', async () => {
    const sql = db.sql();
    const insight = await buildInsight(sql, { reporterId: (await buildPerson(sql)).id });
    const [card] = await sql`insert into chat_cards (platform, insight_id, channel, message_ref, removed_at)
      values ('slack', ${insight.id}, 'C42', '1700000000.000100', now()) returning id`;
    const all = integrations({ SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-test' });
    await all.tasks['remove-chat-cards']!({ cardIds: [card!.id] }, helpers);
    const update = slack.calls.find((c) => c.method === 'chat.update');
    expect(update?.args).toMatchObject({
      channel: 'C42',
      ts: '1700000000.000100',
      text: expect.stringContaining('removed'),
    });
    await all.stop();
  });

  it('refuses a malformed payload instead of guessing', async () => {
    const all = integrations();
    await expect(all.tasks['remove-chat-cards']!({ cardIds: ['nope'] }, helpers)).rejects.toThrow();
    await all.stop();
  });
});
