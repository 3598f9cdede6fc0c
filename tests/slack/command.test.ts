import { reindex } from '@heard/bot';
import { buildInsight, buildTeam } from '@heard/db/testing';
import { createSearchEngines } from '@heard/search';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { useSlackBot } from './support/slack-bot';

const bot = useSlackBot();
let everyoneId: string;
let secretId: string;

beforeAll(async () => {
  const sql = bot.db.sql;
  const [sales, finance] = [
    await buildTeam(sql, { name: 'Sales' }),
    await buildTeam(sql, { name: 'Finance' }),
  ];
  await bot.person('U0ANA', { teamId: sales.id });
  const reporter = await bot.person('U0FIN', { teamId: finance.id });
  everyoneId = (
    await buildInsight(sql, {
      title: 'Refunds take three weeks',
      body: 'Osprey waits three weeks for refunds.',
      reporterId: reporter.id,
    })
  ).id;
  secretId = (
    await buildInsight(sql, {
      title: 'Refunds dispute with Kestrel',
      body: 'Kestrel disputes refunds; finance only.',
      reporterId: reporter.id,
      visibility: { scope: 'team', teamId: finance.id },
    })
  ).id;
  for (const index of createSearchEngines({ sql, log: () => {} }).writable) await reindex(sql, index);
});

describe('/heard', () => {
  it('explains itself on /heard help and on an empty /heard, privately', async () => {
    bot.slack.reset();
    for (const text of ['help', '']) {
      const response = await bot.command('U0ANA', text);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    }
    const replies = await waitForResponses(2);
    for (const reply of replies) {
      expect(reply.args.response_type).toBe('ephemeral');
      expect(textOf(reply.args.blocks)).toContain('/heard search <words>');
    }
  });

  it('answers /heard search with the top results the person may read, and nothing restricted', async () => {
    bot.slack.reset();
    const response = await bot.command('U0ANA', 'search refunds');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const [reply] = await waitForResponses(1);
    expect(reply!.args.response_type).toBe('ephemeral');
    const text = textOf(reply!.args.blocks);
    expect(text).toContain(`/insights/${everyoneId}`);
    expect(text).toContain('*1* insight matches *refunds*');
    expect(text).toContain('three weeks for *refunds*');
    expect(text).not.toContain(secretId);
    expect(text).not.toContain('Kestrel');
  });

  it('asks for words on a bare /heard search', async () => {
    bot.slack.reset();
    await bot.command('U0ANA', 'search');
    const [reply] = await waitForResponses(1);
    expect(reply!.args.text).toMatch(/Add the words/);
  });

  it('opens the share form prefilled with the text after /heard', async () => {
    bot.slack.reset();
    const response = await bot.command('U0ANA', 'Osprey asked for a Dutch invoice template');
    expect(response.status).toBe(200);
    const [call] = await bot.slack.waitFor('views.open');
    const view = call!.args.view as { callback_id: string; blocks: unknown[]; private_metadata: string };
    expect(view.callback_id).toBe('share_insight');
    expect(textOf(view.blocks)).toContain('Osprey asked for a Dutch invoice template');
    expect(JSON.parse(view.private_metadata)).toEqual({ commandChannel: 'C0SALES' });
  });

  it('does the work once when the same command is delivered twice', async () => {
    bot.slack.reset();
    const form = { trigger_id: 'same-trigger-1', response_url: 'https://hooks.slack.com/commands/T/dup' };
    expect((await bot.command('U0ANA', 'search refunds', form)).status).toBe(200);
    expect((await bot.command('U0ANA', 'search refunds', form)).status).toBe(200);
    await waitForResponses(1);
    await bot.command('U0ANA', 'help');
    await waitForResponses(2);
    // The duplicate was answered 200 and dropped: one search reply, then the help reply.
    expect(bot.slack.responses.map((r) => r.args.text)).toEqual([
      expect.stringMatching(/insights? match/),
      'How to use Heard',
    ]);
  });

  it('tells someone Heard cannot match how to get in, instead of searching', async () => {
    bot.slack.reset();
    await bot.command('U0NOBODY', 'search refunds');
    const [reply] = await waitForResponses(1);
    expect(reply!.args.text).toMatch(/does not know your Slack account/);
  });
});

async function waitForResponses(count: number) {
  for (let i = 0; i < 200 && bot.slack.responses.length < count; i++)
    await new Promise((r) => setTimeout(r, 25));
  expect(bot.slack.responses.length).toBeGreaterThanOrEqual(count);
  return bot.slack.responses;
}
