import { reindex } from '@heard/bot';
import { buildGoal, buildInsight, buildTeam } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, SERVICE_URL } from './support/microsoft';
import {
  installActivity,
  linkedTeamsUser,
  messageActivity,
  personalChat,
  type TeamsUser,
  teamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
let user: TeamsUser;
let person: Person;

beforeAll(async () => {
  const team = await buildTeam(bot.db.sql, { name: 'Support' });
  ({ user, person } = await linkedTeamsUser(bot, { name: 'Dana Reporter', teamId: team.id }));
});

/** Sends a message to the bot and returns the cards it answered with. */
async function say(text: string, from = user, id?: string) {
  const before = bot.microsoft.sent.length;
  const activity = messageActivity(from, text);
  const response = await bot.send(id ? { ...activity, id } : activity);
  expect(response.status).toBe(200);
  return bot.microsoft.sent
    .slice(before)
    .filter((c) => c.method === 'POST')
    .map(
      (c) =>
        (c.body!.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content ?? {
          text: c.body!.text,
        },
    );
}

const textOf = (card: Record<string, unknown>) => JSON.stringify(card);

describe('personal chat with the bot', () => {
  it('welcomes a person on install and stores where to reach them', async () => {
    const before = bot.microsoft.sent.length;
    expect((await bot.send(installActivity(user))).status).toBe(200);
    const [welcome] = bot.microsoft.sent.slice(before);
    expect(welcome!.path).toMatch(new RegExp(`^/v3/conversations/${personalChat(user).id}/activities`));
    const card = (welcome!.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard' });
    expect((card.body as unknown[])[0]).toMatchObject({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: 'Welcome to Heard, Dana Reporter' }],
    });
    expect(textOf(card)).toContain('search <words>');
    const [stored] = await bot.db
      .sql`select conversation_id, reference from chat_conversations where platform = 'teams' and person_id = ${person.id}`;
    expect(stored).toMatchObject({
      conversation_id: personalChat(user).id,
      reference: { serviceUrl: SERVICE_URL, conversationId: personalChat(user).id, botId: `28:${APP_ID}` },
    });
  });

  it('posts an insight with "post" and answers with its card', async () => {
    const [card] = await say('post Delta Inc keeps asking for dark mode');
    const [insight] = await bot.db
      .sql`select id, body, reporter_id, source_kind from insights where body = 'Delta Inc keeps asking for dark mode'`;
    expect(insight).toMatchObject({ reporter_id: person.id, source_kind: 'teams' });
    expect(card!.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'Posted to Heard.' })]),
    );
    expect(card!.actions).toMatchObject([
      { verb: 'me-too', data: { insightId: insight!.id } },
      { verb: 'evidence' },
      { type: 'Action.OpenUrl' },
    ]);
    const cards = await bot.db.sql`select channel from chat_cards where insight_id = ${insight!.id}`;
    expect(cards).toHaveLength(1);
  });

  it('shows what people wrote as written, never as markdown links or formatting', async () => {
    const [card] = await say('post Foxtrot says *urgent*: see [their page](http://evil.example)');
    const runs = (card!.body as { type: string; inlines?: { text: string }[] }[]).filter(
      (b) => b.type === 'RichTextBlock',
    );
    expect(runs.map((b) => b.inlines![0]!.text)).toContain(
      'Foxtrot says *urgent*: see [their page](http://evil.example)',
    );
    const textBlocks = (card!.body as { type: string; text?: string }[]).filter(
      (b) => b.type === 'TextBlock',
    );
    expect(JSON.stringify(textBlocks)).not.toContain('evil.example');
  });

  it('posts once when Teams delivers the same message twice', async () => {
    const id = `act-post-twice-${Date.now()}`;
    await say('post Echo Ltd wants invoices in euros', user, id);
    const second = await say('post Echo Ltd wants invoices in euros', user, id);
    expect(second).toHaveLength(0);
    expect(
      await bot.db.sql`select id from insights where body = 'Echo Ltd wants invoices in euros'`,
    ).toHaveLength(1);
  });

  it('says what to fix when "post" has no text', async () => {
    const [answer] = await say('post');
    expect(answer).toMatchObject({ text: expect.stringContaining('Say what the customer said') });
  });

  it('searches with "search", showing only what the person may read', async () => {
    const otherTeam = await buildTeam(bot.db.sql);
    await buildInsight(bot.db.sql, {
      title: 'Zebra pricing confuses buyers',
      body: 'Zebra pricing confuses buyers at checkout.',
    });
    await buildInsight(bot.db.sql, {
      title: 'Zebra churn secret',
      body: 'Zebra churn secret: restricted to another team.',
      visibility: { scope: 'team', teamId: otherTeam.id },
    });
    await reindex(bot.db.sql, bot.search as never);
    const [card] = await say('search zebra');
    const text = textOf(card!);
    expect(text).toContain('Zebra pricing confuses buyers');
    expect(text).not.toContain('secret');
    expect((card!.body as { inlines?: { text: string }[] }[])[0]!.inlines![0]!.text).toBe(
      '1 result for “zebra”',
    );
  });

  it('lists "my actions"', async () => {
    const goal = await buildGoal(bot.db.sql, { title: 'Cut onboarding time' });
    await bot.db.sql`insert into actions (goal_id, title, assignee_id, status, assigned_by)
                     values (${goal.id}, 'Rewrite the welcome email', ${person.id}, 'open', ${goal.ownerId})`;
    const [card] = await say('my actions');
    expect(textOf(card!)).toContain('Rewrite the welcome email');
    expect(textOf(card!)).toContain('Cut onboarding time');
  });

  it('explains the commands for "help" and for anything it does not know', async () => {
    const [help] = await say('help');
    expect(textOf(help!)).toContain('my actions');
    const [unknown] = await say('dance');
    expect(textOf(unknown!)).toContain("I don't know “dance”");
  });

  it('answers someone Heard does not know without showing anything', async () => {
    const [card] = await say('search zebra', teamsUser());
    expect(textOf(card!)).toContain('not linked to Heard');
    expect(textOf(card!)).not.toContain('Zebra');
  });
});
