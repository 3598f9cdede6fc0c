import { buildCustomer, buildGoal, buildTeam } from '@heard/db/testing';
import type { Goal, Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { eventually, HUB, triggerId, useSlackBot, viewSubmission } from './support/slack-bot';

const bot = useSlackBot({ worker: true });
let ana: Person;
let owner: Person;
let goal: Goal;
const CHANNEL = 'C0SUPPORT';

function shortcut(user: string, message: Record<string, unknown>) {
  return {
    type: 'message_action',
    callback_id: 'share_with_heard',
    trigger_id: triggerId(),
    user: { id: user, team_id: 'T0HEARD' },
    channel: { id: CHANNEL, name: 'support' },
    message_ts: message.ts,
    message: { type: 'message', ...message },
    response_url: 'https://hooks.slack.com/app/T0HEARD/1/abc',
  };
}

/** Opens the modal from a message and returns the view Heard sent to views.open. */
async function openModal(user: string, message: Record<string, unknown>) {
  const before = bot.slack.callsTo('views.open').length;
  const response = await bot.interact(shortcut(user, message));
  expect(response.status).toBe(200);
  const calls = await bot.slack.waitFor('views.open', before + 1);
  return calls.at(-1)!.args.view as Record<string, unknown> & { blocks: { block_id?: string }[] };
}

const baseValues = (text: string) => ({
  body: { value: { type: 'plain_text_input', value: text } },
  kind: { value: { type: 'static_select', selected_option: { value: 'pain' } } },
  sentiment: { value: { type: 'static_select', selected_option: { value: 'negative' } } },
  visibility: { value: { type: 'static_select', selected_option: { value: 'everyone' } } },
});

beforeAll(async () => {
  const team = await buildTeam(bot.db.sql, { name: 'Support' });
  ana = await bot.person('U0ANA', { name: 'Ana Lima', teamId: team.id });
  owner = await bot.person('U0OWNER', { name: 'Olga Owner', roles: ['owner'] });
  goal = await buildGoal(bot.db.sql, { title: 'Halve onboarding time', ownerId: owner.id });
});

describe('“Share with Heard” on a message', () => {
  it('opens a modal prefilled with the message, its author, permalink and files, and the active goals', async () => {
    const view = await openModal('U0ANA', {
      ts: '1700000100.000200',
      user: 'U0CUST',
      text: 'Kestrel says the export button is impossible to find',
      files: [
        { name: 'screenshot.png', mimetype: 'image/png', size: 2048, permalink: 'https://files.slack.com/x' },
      ],
    });
    expect(view.callback_id).toBe('share_insight');
    const text = textOf(view.blocks);
    expect(text).toContain('Kestrel says the export button is impossible to find');
    expect(text).toContain('From <@U0CUST>');
    expect(text).toContain('https://acme.slack.com/archives/C0SUPPORT/p1700000100000200');
    expect(text).toContain('screenshot.png');
    expect(text).toContain('My team (Support)');
    const goals = view.blocks.find((b) => b.block_id === 'goals') as unknown as {
      element: { options: { value: string }[] };
    };
    expect(goals.element.options.map((o) => o.value)).toContain(goal.id);
    expect(view.blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining([
        'body',
        'kind',
        'sentiment',
        'customer',
        'new_customer',
        'tags',
        'visibility',
        'people',
      ]),
    );
  });

  it('posts the insight through the domain on submit and replies in the thread with a card', async () => {
    const customer = await buildCustomer(bot.db.sql, { name: 'Kestrel Freight' });
    const view = await openModal('U0ANA', {
      ts: '1700000200.000300',
      user: 'U0CUST',
      text: 'Kestrel wants CSV exports',
    });
    const response = await bot.interact(
      viewSubmission('U0ANA', view, {
        ...baseValues('Kestrel wants CSV exports every week'),
        customer: { value: { type: 'external_select', selected_option: { value: customer.id } } },
        goals: { value: { type: 'multi_static_select', selected_options: [{ value: goal.id }] } },
        tags: { value: { type: 'plain_text_input', value: 'exports, #Reporting' } },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const [insight] = await bot.db.sql`
      select i.*, (select array_agg(customer_id) from insight_customers where insight_id = i.id) as customers
      from insights i where source_external_id = ${`${'C0SUPPORT'}:1700000200.000300`}`;
    expect(insight).toMatchObject({
      body: 'Kestrel wants CSV exports every week',
      kind: 'pain',
      sentiment: 'negative',
      source_kind: 'slack',
      source_url: 'https://acme.slack.com/archives/C0SUPPORT/p1700000200000300',
      reporter_id: ana.id,
      tags: ['exports', 'reporting'],
    });
    expect(insight!.customers).toEqual([customer.id]);

    const posted = () => bot.slack.callsTo('chat.postMessage');
    const card = (
      await eventually(posted, (p) => p.some((c) => c.args.thread_ts === '1700000200.000300'))
    ).find((c) => c.args.thread_ts === '1700000200.000300')!;
    expect(card.args.channel).toBe(CHANNEL);
    const text = textOf(card.args.blocks);
    expect(text).toContain('Shared with Heard · linked to goal "Halve onboarding time" · 0 me-too');
    expect(text).toContain(`${HUB}/insights/${insight!.id}`);
    const actions = (card.args.blocks as { type: string; elements?: { action_id: string }[] }[]).find(
      (b) => b.type === 'actions',
    )!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['me_too', 'me_too_customer', 'open_in_heard']);
    const [stored] = await eventually(
      () => bot.db.sql`select channel, card_kind from chat_cards where insight_id = ${insight!.id}`,
      (rows) => rows.length > 0,
    );
    expect(stored).toMatchObject({ channel: CHANNEL, card_kind: 'insight' });

    // The goal's owner hears about it by DM, through the notification job.
    const dm = (await eventually(posted, (p) => p.some((c) => c.args.channel === 'DU0OWNER'))).find(
      (c) => c.args.channel === 'DU0OWNER',
    )!;
    expect(textOf(dm.args.blocks)).toContain(
      'New insight for "Halve onboarding time": Kestrel wants CSV exports every week',
    );
  });

  it('never posts a second insight or a second card when the same submission arrives twice', async () => {
    const view = await openModal('U0ANA', { ts: '1700000300.000400', user: 'U0CUST', text: 'Twice' });
    bot.slack.reset();
    const submission = viewSubmission('U0ANA', view, baseValues('Delivered twice by Slack'));
    expect((await bot.interact(submission)).status).toBe(200);
    expect((await bot.interact(submission)).status).toBe(200);
    await bot.slack.waitFor('chat.postMessage');
    const rows = await bot.db
      .sql`select id from insights where source_external_id = 'C0SUPPORT:1700000300.000400'`;
    expect(rows).toHaveLength(1);
    const cards = await eventually(
      () => bot.db.sql`select 1 from chat_cards where insight_id = ${rows[0]!.id}`,
      (found) => found.length > 0,
    );
    expect(cards).toHaveLength(1);
    expect(
      bot.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === '1700000300.000400'),
    ).toHaveLength(1);
  });

  it('takes a customer Heard does not know yet by name, creating them once', async () => {
    const view = await openModal('U0ANA', { ts: '1700000250.000300', user: 'U0CUST', text: 'New bakery' });
    const response = await bot.interact(
      viewSubmission('U0ANA', view, {
        ...baseValues('Bluebird Bakery wants weekend delivery slots'),
        new_customer: { value: { type: 'plain_text_input', value: 'Bluebird Bakery' } },
      }),
    );
    expect(response.status).toBe(200);
    const linked = await bot.db.sql`
      select c.name from insights i join insight_customers ic on ic.insight_id = i.id join customers c on c.id = ic.customer_id
      where i.source_external_id = 'C0SUPPORT:1700000250.000300'`;
    expect(linked.map((r) => r.name)).toEqual(['Bluebird Bakery']);
  });

  it('names nothing of a restricted insight on the card in a thread others can read', async () => {
    const view = await openModal('U0ANA', { ts: '1700000270.000300', user: 'U0CUST', text: 'Quiet one' });
    await bot.interact(
      viewSubmission('U0ANA', view, {
        ...baseValues('Kestrel may leave for a competitor next quarter'),
        visibility: { value: { type: 'static_select', selected_option: { value: 'team' } } },
      }),
    );
    const posted = () => bot.slack.callsTo('chat.postMessage');
    const card = (
      await eventually(posted, (p) => p.some((c) => c.args.thread_ts === '1700000270.000300'))
    ).find((c) => c.args.thread_ts === '1700000270.000300')!;
    const text = `${textOf(card.args.blocks)}\n${String(card.args.text)}`;
    expect(text).toContain('Shared with a restricted audience.');
    expect(text).not.toMatch(/Kestrel|competitor/);
  });

  it('sends the card of an insight typed with /heard to its reporter directly', async () => {
    bot.slack.reset();
    await bot.command('U0ANA', 'Heron Air asked about an API');
    const [open] = await bot.slack.waitFor('views.open');
    const view = open!.args.view as Record<string, unknown> & { blocks: { block_id?: string }[] };
    await bot.interact(viewSubmission('U0ANA', view, baseValues('Heron Air asked about an API')));
    const posted = () => bot.slack.callsTo('chat.postMessage');
    const [card] = (await eventually(posted, (p) => p.some((c) => c.args.channel === 'DU0ANA'))).filter(
      (c) => c.args.channel === 'DU0ANA',
    );
    expect(card!.args.thread_ts).toBeUndefined();
    expect(textOf(card!.args.blocks)).toContain('Heron Air asked about an API');
  });

  it('answers bad input with an error under the field, storing nothing', async () => {
    const view = await openModal('U0ANA', { ts: '1700000400.000500', user: 'U0CUST', text: '' });
    const response = await bot.interact(
      viewSubmission('U0ANA', view, {
        ...baseValues('   '),
        goals: {
          value: {
            type: 'multi_static_select',
            selected_options: [{ value: '00000000-0000-0000-0000-000000000000' }],
          },
        },
      }),
    );
    const answer = await response.json();
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.body).toMatch(/text/i);
    expect(answer.errors.goals).toMatch(/pick goals from the list/);
    const rows = await bot.db
      .sql`select 1 from insights where source_external_id = 'C0SUPPORT:1700000400.000500'`;
    expect(rows).toHaveLength(0);
  });

  it('refuses to name people Heard does not know, under the people field', async () => {
    const view = await openModal('U0ANA', { ts: '1700000500.000600', user: 'U0CUST', text: 'Secret' });
    const response = await bot.interact(
      viewSubmission('U0ANA', view, {
        ...baseValues('Kept between a few of us'),
        visibility: { value: { type: 'static_select', selected_option: { value: 'people' } } },
        people: { value: { type: 'multi_users_select', selected_users: ['U0STRANGER'] } },
      }),
    );
    const answer = await response.json();
    expect(answer).toEqual({
      response_action: 'errors',
      errors: { people: expect.stringContaining('<@U0STRANGER>') },
    });
  });

  it('shortens a message longer than Slack lets a form hold, saying so', async () => {
    const long = `${'The customer explained at length. '.repeat(150)}END`;
    const view = await openModal('U0ANA', { ts: '1700000600.000700', user: 'U0CUST', text: long });
    const body = view.blocks.find((b) => b.block_id === 'body') as unknown as {
      element: { initial_value: string };
    };
    expect(body.element.initial_value.length).toBeLessThanOrEqual(3000);
    expect(body.element.initial_value.endsWith('…')).toBe(true);
    expect(textOf(view.blocks)).toContain('shortened to fit Slack');
  });

  it('offers customers by name as the person types', async () => {
    await buildCustomer(bot.db.sql, { name: 'Osprey Logistics', segment: 'Enterprise' });
    const response = await bot.interact({
      type: 'block_suggestion',
      user: { id: 'U0ANA' },
      block_id: 'customer',
      action_id: 'value',
      value: 'Osprey',
      view: { id: 'V1', callback_id: 'share_insight', type: 'modal' },
    });
    const answer = await response.json();
    expect(answer.options[0].text.text).toBe('Osprey Logistics (Enterprise)');
  });

  it('tells someone Heard cannot match why the form does not open', async () => {
    const view = await openModal('U0NOBODY', { ts: '1700000700.000800', user: 'U0CUST', text: 'Hello' });
    expect(textOf(view.blocks)).toMatch(/does not know your Slack account/);
  });
});
