import { buildCustomer, buildInsight } from '@heard/db/testing';
import type { Insight, Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { triggerId, useSlackBot, viewSubmission } from './support/slack-bot';

const bot = useSlackBot({ worker: true });
let ana: Person;
let insight: Insight;
const CARD = { channel: 'C0SUPPORT', ts: '1700001000.000100' };

function button(user: string, actionId: string, value: string) {
  return {
    type: 'block_actions',
    user: { id: user },
    trigger_id: triggerId(),
    container: { type: 'message', channel_id: CARD.channel, message_ts: CARD.ts },
    channel: { id: CARD.channel },
    message: { ts: CARD.ts, text: 'card' },
    response_url: `https://hooks.slack.com/actions/T0HEARD/${triggerId()}`,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'card_actions',
        value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 200 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}

const reactionsOn = (id: string) =>
  bot.db.sql`select emoji, person_id from reactions where insight_id = ${id} order by created_at`;

beforeAll(async () => {
  ana = await bot.person('U0ANA');
  await bot.person('U0BEN');
  insight = await buildInsight(bot.db.sql, { reporterId: ana.id, title: 'Exports are hidden' });
  await bot.db.sql`insert into chat_cards (platform, insight_id, channel, message_ref)
                   values ('slack', ${insight.id}, ${CARD.channel}, ${CARD.ts})`;
});

describe('“Me too” and reactions on Heard’s cards', () => {
  it('adds a me-too from the button, says so privately, and redraws the card with the count', async () => {
    const response = await bot.interact(button('U0BEN', 'me_too', insight.id));
    expect(response.status).toBe(200);
    const rows = await waitUntil(
      () => reactionsOn(insight.id),
      (r) => r.length === 1,
    );
    expect(rows.map((r) => r.emoji)).toEqual(['me-too']);
    const [update] = await bot.slack.waitFor('chat.update');
    expect(update!.args).toMatchObject({ channel: CARD.channel, ts: CARD.ts });
    expect(textOf(update!.args.blocks)).toContain('Shared with Heard · 1 me-too');
    expect(bot.slack.responses.at(-1)!.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'Noted: you hear this too.',
    });
  });

  it('counts a second press once', async () => {
    await bot.interact(button('U0BEN', 'me_too', insight.id));
    await waitUntil(
      async () => bot.slack.responses.length,
      (n) => n >= 2,
    );
    expect(bot.slack.responses.at(-1)!.args.text).toMatch(/already/);
    expect(await reactionsOn(insight.id)).toHaveLength(1);
  });

  it('takes the person’s own customer as evidence from the small modal', async () => {
    const customer = await buildCustomer(bot.db.sql, { name: 'Heron Air' });
    bot.slack.reset();
    await bot.interact(button('U0ANA', 'me_too_customer', insight.id));
    const [open] = await bot.slack.waitFor('views.open');
    const view = open!.args.view as Record<string, unknown> & { blocks: unknown[] };
    expect(view.callback_id).toBe('me_too_evidence');
    expect(textOf(view.blocks)).toContain('Exports are hidden');

    const missing = await bot.interact(viewSubmission('U0ANA', view, { customer: { value: {} } }));
    expect(await missing.json()).toEqual({
      response_action: 'errors',
      errors: { customer: 'Pick the customer who says it too.' },
    });

    const done = await bot.interact(
      viewSubmission('U0ANA', view, {
        customer: { value: { type: 'external_select', selected_option: { value: customer.id } } },
        note: { value: { type: 'plain_text_input', value: 'Heard on the quarterly call' } },
      }),
    );
    expect(done.status).toBe(200);
    const [evidence] = await bot.db
      .sql`select customer_id, note from evidence where insight_id = ${insight.id}`;
    expect(evidence).toMatchObject({ customer_id: customer.id, note: 'Heard on the quarterly call' });
    const update = await bot.slack.waitFor('chat.update');
    await waitUntil(
      async () => textOf(bot.slack.callsTo('chat.update').at(-1)!.args.blocks),
      (t) => t.includes('1 more customer'),
    );
    expect(update.length).toBeGreaterThan(0);
  });

  it('counts an emoji reaction on a card as a reaction to its insight, once across Slack retries', async () => {
    const event = {
      type: 'reaction_added',
      user: 'U0BEN',
      reaction: 'fire',
      item: { type: 'message', channel: CARD.channel, ts: CARD.ts },
      item_user: 'UHEARD',
      event_ts: `${Date.now() / 1000}`,
    };
    expect((await bot.event(event, { eventId: 'Ev-fire-1' })).status).toBe(200);
    expect((await bot.event(event, { eventId: 'Ev-fire-1', retryNum: 1 })).status).toBe(200);
    const rows = await waitUntil(
      () => reactionsOn(insight.id),
      (r) => r.some((x) => x.emoji === 'fire'),
    );
    expect(rows.filter((r) => r.emoji === 'fire')).toHaveLength(1);
  });
});

describe('capturing a message with the :heard: emoji', () => {
  const message = { channel: 'C0SALES', ts: '1700002000.000100' };

  it('sends the reactor a DM with the draft, once however often Slack retries', async () => {
    bot.slack.messages.set(message.channel, [
      { ts: message.ts, user: 'U0CUST', text: 'Osprey keeps asking for SSO' },
    ]);
    bot.slack.reset();
    const event = {
      type: 'reaction_added',
      user: 'U0ANA',
      reaction: 'heard',
      item: { type: 'message', ...message },
      event_ts: `${Date.now() / 1000}`,
    };
    await bot.event(event, { eventId: 'Ev-capture-1' });
    await bot.event(event, { eventId: 'Ev-capture-1', retryNum: 1 });
    await bot.event(event, { eventId: 'Ev-capture-1', retryNum: 2 });
    const [dm] = await bot.slack.waitFor('chat.postMessage');
    expect(dm!.args.channel).toBe('DU0ANA');
    const text = textOf(dm!.args.blocks);
    expect(text).toContain('Share this with Heard?');
    expect(text).toContain('> Osprey keeps asking for SSO');
    expect(text).toContain('From <@U0CUST>');
    // Both retries were recognised and dropped before any work was queued.
    expect(
      bot.logs.filter(
        (l) => l.key === 'event:Ev-capture-1' && l.msg === 'Slack delivery seen before; ignored',
      ),
    ).toHaveLength(2);
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores other emoji on ordinary messages', async () => {
    bot.slack.reset();
    await bot.event({
      type: 'reaction_added',
      user: 'U0ANA',
      reaction: 'tada',
      item: { type: 'message', channel: 'C0SALES', ts: '1700002000.000900' },
    });
    const jobs = await bot.db
      .sql`select 1 from graphile_worker.jobs where task_identifier = 'slack-capture-dm' and key like '%000900%'`;
    expect(jobs).toHaveLength(0);
  });

  it('opens the full form prefilled from the draft with “Add details first”', async () => {
    bot.slack.reset();
    await bot.interact({
      type: 'block_actions',
      user: { id: 'U0ANA' },
      trigger_id: triggerId(),
      container: { type: 'message', channel_id: 'DU0ANA', message_ts: '1' },
      actions: [
        {
          type: 'button',
          action_id: 'capture_edit',
          block_id: 'capture',
          value: `capture:${message.channel}:${message.ts}:U0ANA`,
          action_ts: '1',
        },
      ],
    });
    const [open] = await bot.slack.waitFor('views.open');
    const view = open!.args.view as { callback_id: string; blocks: unknown[]; private_metadata: string };
    expect(view.callback_id).toBe('share_insight');
    expect(textOf(view.blocks)).toContain('Osprey keeps asking for SSO');
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      channel: message.channel,
      ts: message.ts,
      author: 'U0CUST',
    });
  });

  it('shares the draft in one click and replies in the message’s thread', async () => {
    const key = `capture:${message.channel}:${message.ts}:U0ANA`;
    bot.slack.reset();
    const response = await bot.interact({
      type: 'block_actions',
      user: { id: 'U0ANA' },
      trigger_id: triggerId(),
      container: { type: 'message', channel_id: 'DU0ANA', message_ts: '1' },
      response_url: 'https://hooks.slack.com/actions/T0HEARD/capture',
      actions: [
        { type: 'button', action_id: 'capture_confirm', block_id: 'capture', value: key, action_ts: '1' },
      ],
    });
    expect(response.status).toBe(200);
    const [row] = await waitUntil(
      () =>
        bot.db
          .sql`select id, body, source_url, reporter_id from insights where source_external_id = ${`${message.channel}:${message.ts}`}`,
      (rows) => rows.length === 1,
    );
    expect(row).toMatchObject({ body: 'Osprey keeps asking for SSO', reporter_id: ana.id });
    expect(row!.source_url).toContain('/archives/C0SALES/');
    const posts = await bot.slack.waitFor('chat.postMessage');
    expect(posts[0]!.args).toMatchObject({ channel: 'C0SALES', thread_ts: message.ts });
    expect(bot.slack.responses.at(-1)!.args).toMatchObject({
      replace_original: true,
      text: 'Shared with Heard.',
    });
  });
});
