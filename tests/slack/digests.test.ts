import { buildGoal, buildTeam } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './support/slack-api';
import { triggerId, useSlackBot, viewSubmission } from './support/slack-bot';

const bot = useSlackBot();
let ana: Person;
let goalId: string;

type Block = {
  type: string;
  block_id?: string;
  element?: Record<string, unknown>;
  accessory?: Record<string, unknown>;
};
type View = { type: string; callback_id?: string; blocks: Block[] };

beforeAll(async () => {
  const team = await buildTeam(bot.db.sql, { name: 'Support' });
  ana = await bot.person('U0ANA', { teamId: team.id });
  bot.slack.timeZones.set('U0ANA', 'America/Chicago');
  const owner = await bot.person('U0OWNER', { roles: ['owner'] });
  goalId = (
    await buildGoal(bot.db.sql, {
      title: 'Fewer billing tickets',
      ownerId: owner.id,
      mandate: { statement: 'Billing', teamIds: [team.id] },
    })
  ).id;
});

const press = (user: string, actionId: string, value?: string) =>
  bot.interact({
    type: 'block_actions',
    user: { id: user },
    trigger_id: triggerId(),
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home' },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'digests',
        ...(value ? { value } : {}),
        action_ts: '1',
      },
    ],
  });

const selected = (value: string) => ({ type: 'static_select', selected_option: { value } });

function formValues(overrides: Record<string, unknown> = {}) {
  return {
    scope: { value: selected(`goal:${goalId}`) },
    scope_name: { value: { type: 'plain_text_input', value: null } },
    cadence: { value: selected('weekly') },
    weekday: { value: selected('1') },
    local_time: { value: { type: 'timepicker', selected_time: '08:30' } },
    time_zone: { value: { type: 'plain_text_input', value: 'America/Chicago' } },
    channel: { value: selected('slack') },
    ...overrides,
  };
}

async function openForm(): Promise<View> {
  bot.slack.reset();
  expect((await press('U0ANA', 'digest_subscribe')).status).toBe(200);
  const [open] = await bot.slack.waitFor('views.open');
  return open!.args.view as View;
}

describe('digest subscriptions in App Home', () => {
  it('offers a Subscribe button when there are none yet', async () => {
    bot.slack.reset();
    await bot.event({ type: 'app_home_opened', user: 'U0ANA', channel: 'D0ANA', tab: 'home' });
    const [publish] = await bot.slack.waitFor('views.publish');
    const view = publish!.args.view as View;
    expect(textOf(view.blocks)).toContain('No digests yet');
    expect(JSON.stringify(view.blocks)).toContain('"action_id":"digest_subscribe"');
  });

  it('opens a form with every scope, the person’s Slack time zone and Slack DM preselected', async () => {
    const view = await openForm();
    expect(view.callback_id).toBe('digest_subscribe_form');
    const byId = new Map(view.blocks.map((b) => [b.block_id, b.element!]));
    expect(
      (byId.get('scope')!.options as { value: string; text: { text: string } }[]).map((o) => o.text.text),
    ).toEqual([
      'All published stories',
      'Goal: Fewer billing tickets',
      'Team: Support',
      'A tag (name it below)',
      'A customer segment (name it below)',
    ]);
    expect(byId.get('time_zone')!.initial_value).toBe('America/Chicago');
    expect(byId.get('channel')!.initial_option).toMatchObject({ value: 'slack' });
    expect(byId.get('local_time')!.type).toBe('timepicker');
    expect((byId.get('weekday')!.options as unknown[]).length).toBe(7);
  });

  it('answers a bad time zone and an unnamed tag under their fields, storing nothing', async () => {
    const view = await openForm();
    const response = await bot.interact(
      viewSubmission(
        'U0ANA',
        view,
        formValues({
          scope: { value: selected('tag') },
          time_zone: { value: { type: 'plain_text_input', value: 'Mars/Olympus' } },
        }),
      ),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: {
        time_zone: expect.stringContaining('"Mars/Olympus" is not a time zone we know'),
        scope_name: 'Name the tag to follow.',
      },
    });
    const rows = await bot.db.sql`select id from subscriptions where person_id = ${ana.id}`;
    expect(rows).toHaveLength(0);
  });

  it('subscribes from the form, then lists the subscription with an Unsubscribe button', async () => {
    const view = await openForm();
    bot.slack.reset();
    const response = await bot.interact(viewSubmission('U0ANA', view, formValues()));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const [row] = await bot.db
      .sql`select * from subscriptions where person_id = ${ana.id} and ended_at is null`;
    expect(row).toMatchObject({
      scope: { kind: 'goal', goalId },
      cadence: { kind: 'weekly', weekday: 1 },
      local_time: '08:30',
      time_zone: 'America/Chicago',
      channel: 'slack',
    });
    const [publish] = await bot.slack.waitFor('views.publish');
    const home = publish!.args.view as View;
    const text = textOf(home.blocks);
    expect(text).toContain('Subscribed.');
    expect(text).toContain(
      '*Goal: Fewer billing tickets*\nEvery Monday at 08:30 (America/Chicago), by Slack',
    );
    const row2 = home.blocks.find((b) => b.block_id === `digest:${row!.id}`)!;
    expect(row2.accessory).toMatchObject({ action_id: 'digest_unsubscribe', value: row!.id });
  });

  it('ends a subscription from its Unsubscribe button; someone else’s cannot be ended', async () => {
    const [row] = await bot.db
      .sql`select id from subscriptions where person_id = ${ana.id} and ended_at is null`;
    await bot.person('U0BEN');
    bot.slack.reset();
    await press('U0BEN', 'digest_unsubscribe', row!.id as string);
    const [refused] = await bot.slack.waitFor('views.publish');
    expect(textOf((refused!.args.view as View).blocks)).toContain('That subscription has already ended.');
    const [still] = await bot.db.sql`select ended_at from subscriptions where id = ${row!.id}`;
    expect(still!.ended_at).toBeNull();

    bot.slack.reset();
    await press('U0ANA', 'digest_unsubscribe', row!.id as string);
    const [publish] = await bot.slack.waitFor('views.publish');
    const text = textOf((publish!.args.view as View).blocks);
    expect(text).toContain('Unsubscribed');
    expect(text).toContain('No digests yet');
    const [ended] = await bot.db.sql`select ended_at from subscriptions where id = ${row!.id}`;
    expect(ended!.ended_at).not.toBeNull();
  });
});
