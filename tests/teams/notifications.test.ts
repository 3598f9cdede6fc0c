// The shared notification job (the same one Slack uses) reaching people in Teams: a proactive
// message into the personal chat stored at install, once, and retried by the queue when Teams
// keeps answering 429.
import { buildGoal, buildPerson } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  installActivity,
  type Json,
  linkedTeamsUser,
  personalChat,
  type TeamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
let user: TeamsUser;
let assignee: Person;

beforeAll(async () => {
  ({ user, person: assignee } = await linkedTeamsUser(bot, { name: 'Ada Assignee' }));
  await bot.send(installActivity(user));
});

async function assign(title: string) {
  const owner = await buildPerson(bot.db.sql, { name: 'Olga Owner', roles: ['owner'] });
  const goal = await buildGoal(bot.db.sql, { title: 'Keep small accounts', ownerId: owner.id });
  const [action] = await bot.db.sql`insert into actions (goal_id, title, assignee_id, assigned_by)
    values (${goal.id}, ${title}, ${assignee.id}, ${owner.id}) returning id`;
  return { type: 'action.assigned', actionId: action!.id as string };
}

const toAssignee = (since: number) =>
  bot.microsoft.sent
    .slice(since)
    .filter((c) => c.method === 'POST' && c.path.startsWith(`/v3/conversations/${personalChat(user).id}/`));

describe('notifications in Teams', () => {
  it('tells the assignee of a new action in their personal chat, with a compact card, once', async () => {
    const event = await assign('Call Marten about renewals');
    const before = bot.microsoft.sent.length;
    await bot.runJob('notify-chat', event);
    await bot.runJob('notify-chat', event); // a retried job
    const sent = toAssignee(before);
    expect(sent).toHaveLength(1);
    const card = (sent[0]!.body!.attachments as { content: Json }[])[0]!.content;
    expect(card.body[0].inlines[0].text).toBe(
      'Olga Owner assigned you "Call Marten about renewals" for "Keep small accounts"',
    );
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Heard', url: 'https://heard.test.example/' },
    ]);
  });

  it('fails the job while Teams keeps answering 429, and delivers on the retry', async () => {
    const event = await assign('Send Marten the new price list');
    bot.microsoft.failNext(5, 429, '0');
    await expect(bot.runJob('notify-chat', event)).rejects.toThrow(/429/);
    const before = bot.microsoft.sent.length;
    await bot.runJob('notify-chat', event);
    expect(toAssignee(before)).toHaveLength(1);
  });
});
