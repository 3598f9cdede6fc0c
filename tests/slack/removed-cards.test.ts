import { buildInsight } from '@heard/db/testing';
import type { Insight } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { useSlackBot } from './support/slack-bot';

const bot = useSlackBot();
let insight: Insight;
const REMOVED = 'This insight was removed from Heard at the customer’s request.';
const LIVE = { channel: 'C0SALES', ts: '1700002000.000100' };
const ERASED = { channel: 'C0SUPPORT', ts: '1700002001.000100' };

beforeAll(async () => {
  const ana = await bot.person('U0ANA');
  insight = await buildInsight(bot.db.sql, { reporterId: ana.id, title: 'Osprey cannot export' });
  await bot.db.sql`insert into chat_cards (platform, insight_id, channel, message_ref)
                   values ('slack', ${insight.id}, ${ERASED.channel}, ${ERASED.ts}),
                          ('slack', ${insight.id}, ${LIVE.channel}, ${LIVE.ts})`;
});

const run = (task: string, payload: unknown) =>
  bot.integrations.tasks[task]!(payload as never, { logger: { info() {} } } as never);

describe('Slack cards about an erased insight', () => {
  it('are replaced by the removal notice, keeping their link to the insight', async () => {
    const [card] = await bot.db.sql`update chat_cards set removed_at = now()
      where channel = ${ERASED.channel} returning id`;
    await run('remove-chat-cards', { cardIds: [card!.id] });
    const [update] = bot.slack.callsTo('chat.update');
    expect(update!.args).toMatchObject({ channel: ERASED.channel, ts: ERASED.ts, text: REMOVED });
    const [kept] = await bot.db.sql`select insight_id from chat_cards where id = ${card!.id}`;
    expect(kept!.insight_id).toBe(insight.id);
  });

  it('stay removed when the insight changes later; its other cards are redrawn as usual', async () => {
    bot.slack.reset();
    await run('chat-refresh-cards', { insightId: insight.id });
    const updates = bot.slack.callsTo('chat.update');
    expect(updates).toHaveLength(2);
    const erased = updates.find((u) => u.args.channel === ERASED.channel)!;
    expect(erased.args.text).toBe(REMOVED);
    expect(textOf(erased.args.blocks)).not.toContain('Osprey');
    const live = updates.find((u) => u.args.channel === LIVE.channel)!;
    expect(textOf(live.args.blocks)).toContain('Osprey cannot export');
  });
});
