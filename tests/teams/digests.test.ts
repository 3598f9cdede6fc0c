import { buildGoal, buildPerson, buildTeam } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  invokeActivity,
  linkedTeamsUser,
  messageActivity,
  personalChat,
  type TeamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
let user: TeamsUser;
let person: Person;
let teamId: string;

type Card = { body: Record<string, unknown>[]; actions?: Record<string, unknown>[] };

beforeAll(async () => {
  const team = await buildTeam(bot.db.sql, { name: 'Support' });
  teamId = team.id;
  ({ user, person } = await linkedTeamsUser(bot, { teamId: team.id }));
  const owner = await buildPerson(bot.db.sql, { roles: ['owner'] });
  await buildGoal(bot.db.sql, { title: 'Faster onboarding', ownerId: owner.id });
});

/** Sends a message and returns the one card the bot answered with. */
async function say(text: string): Promise<Card> {
  const before = bot.microsoft.sent.length;
  const response = await bot.send({ ...messageActivity(user, text), localTimezone: 'Asia/Tokyo' });
  expect(response.status).toBe(200);
  const [sent] = bot.microsoft.sent.slice(before).filter((c) => c.method === 'POST');
  return (sent!.body!.attachments as { content: Card }[])[0]!.content;
}

/** Presses an Action.Execute button (with the form's inputs merged into its data, as Teams does). */
async function execute(verb: string, data: Record<string, unknown>): Promise<Card> {
  const response = await bot.send(
    invokeActivity(
      user,
      'adaptiveCard/action',
      { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      personalChat(user),
    ),
  );
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { statusCode: number; value: Card };
  expect(answer.statusCode).toBe(200);
  return answer.value;
}

const input = (card: Card, id: string) => card.body.find((e) => e.id === id)!;
const form = {
  scopeName: '',
  cadence: 'daily',
  weekday: '1',
  localTime: '07:45',
  timeZone: 'Asia/Tokyo',
  channel: 'teams',
};

describe('digest subscriptions in the Teams personal chat', () => {
  it('lists subscribe and unsubscribe in help', async () => {
    const card = await say('help');
    expect(JSON.stringify(card)).toContain('"title":"subscribe"');
    expect(JSON.stringify(card)).toContain('"title":"unsubscribe"');
  });

  it('"subscribe" sends a form with every scope, the client’s time zone and Teams preselected', async () => {
    const card = await say('subscribe');
    expect((input(card, 'scope').choices as { title: string }[]).map((c) => c.title)).toEqual([
      'All published stories',
      'Goal: Faster onboarding',
      'Team: Support',
      'A tag (name it below)',
      'A customer segment (name it below)',
    ]);
    expect(input(card, 'timeZone')).toMatchObject({ type: 'Input.Text', value: 'Asia/Tokyo' });
    expect(input(card, 'channel')).toMatchObject({ value: 'teams' });
    expect(input(card, 'localTime')).toMatchObject({ type: 'Input.Time' });
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'digest-subscribe' }),
    ]);
  });

  it('returns the form with the error under the field and what was typed, storing nothing', async () => {
    const card = await execute('digest-subscribe', { ...form, scope: 'stories', localTime: '25:99' });
    const index = card.body.findIndex((e) => e.id === 'localTime');
    expect(card.body[index]).toMatchObject({ value: '25:99' });
    expect(card.body[index + 1]).toMatchObject({
      type: 'TextBlock',
      color: 'attention',
      text: 'Give the time as HH:MM, for example 08:30.',
    });
    expect(await bot.db.sql`select id from subscriptions where person_id = ${person.id}`).toHaveLength(0);
  });

  it('subscribes on submit and answers with the list', async () => {
    const card = await execute('digest-subscribe', {
      ...form,
      scope: `team:${teamId}`,
      localTime: '07:45:00',
    });
    const [row] = await bot.db
      .sql`select * from subscriptions where person_id = ${person.id} and ended_at is null`;
    expect(row).toMatchObject({
      scope: { kind: 'team', teamId },
      cadence: { kind: 'daily' },
      local_time: '07:45',
      time_zone: 'Asia/Tokyo',
      channel: 'teams',
    });
    const text = JSON.stringify(card);
    expect(text).toContain('Subscribed.');
    expect(text).toContain('Team: Support');
    expect(text).toContain('Daily at 07:45 (Asia/Tokyo), by Teams chat');
  });

  it('"unsubscribe" lists subscriptions with buttons, and a button ends one', async () => {
    const [row] = await bot.db
      .sql`select id from subscriptions where person_id = ${person.id} and ended_at is null`;
    const list = await say('unsubscribe');
    expect(JSON.stringify(list)).toContain(
      JSON.stringify({
        type: 'Action.Execute',
        title: 'Unsubscribe',
        verb: 'digest-unsubscribe',
        data: { subscriptionId: row!.id },
      }),
    );
    const after = await execute('digest-unsubscribe', { subscriptionId: row!.id });
    expect(JSON.stringify(after)).toContain('Unsubscribed');
    expect(JSON.stringify(after)).toContain('No digests.');
    const [ended] = await bot.db.sql`select ended_at from subscriptions where id = ${row!.id}`;
    expect(ended!.ended_at).not.toBeNull();
    const again = await execute('digest-unsubscribe', { subscriptionId: row!.id });
    expect(JSON.stringify(again)).toContain('That subscription has already ended.');
  });
});
