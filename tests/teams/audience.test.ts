// What is shown in a channel or group chat is read by all its members, so Heard shows there only
// insights everyone may read, even when the person who asked may read more.
import { reindex } from '@heard/bot';
import { buildInsight, buildTeam } from '@heard/db/testing';
import type { Insight, Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_URL } from './support/microsoft';
import {
  channel,
  installActivity,
  invokeActivity,
  linkedTeamsUser,
  messageActivity,
  personalChat,
  sharedMessage,
  type TeamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
let user: TeamsUser;
let person: Person;
let teamOnly: Insight;

beforeAll(async () => {
  const team = await buildTeam(bot.db.sql);
  ({ user, person } = await linkedTeamsUser(bot, { teamId: team.id }));
  await buildInsight(bot.db.sql, {
    title: 'Ibex onboarding is slow',
    body: 'Ibex onboarding is slow for everyone.',
  });
  teamOnly = await buildInsight(bot.db.sql, {
    title: 'Ibex renewal at risk',
    body: 'Ibex renewal at risk: pricing talks, team only.',
    visibility: { scope: 'team', teamId: team.id },
  });
  await reindex(bot.db.sql, bot.search as never);
  await bot.send(installActivity(user)); // the person's own chat
});

const sentSince = (before: number) => bot.microsoft.sent.slice(before).filter((c) => c.method !== 'GET');

describe('shared conversations only see what everyone may read', () => {
  it('"search" in a channel leaves out insights only the asker may read; in the personal chat it shows them', async () => {
    let before = bot.microsoft.sent.length;
    await bot.send(messageActivity(user, '<at>Heard</at> search ibex', channel));
    const inChannel = JSON.stringify(sentSince(before));
    expect(inChannel).toContain('Ibex onboarding is slow');
    expect(inChannel).not.toContain('renewal at risk');

    before = bot.microsoft.sent.length;
    await bot.send(messageActivity(user, 'search ibex'));
    expect(JSON.stringify(sentSince(before))).toContain('Ibex renewal at risk');
  });

  it('the search message extension offers only insights everyone may read', async () => {
    const response = await bot.send(
      invokeActivity(user, 'composeExtension/query', {
        commandId: 'searchInsights',
        parameters: [{ name: 'searchQuery', value: 'ibex' }],
      }),
    );
    const text = JSON.stringify(await response.json());
    expect(text).toContain('Ibex onboarding is slow');
    expect(text).not.toContain(teamOnly.id);
  });

  it('"my actions" in a channel is answered in private only', async () => {
    const before = bot.microsoft.sent.length;
    await bot.send(messageActivity(user, '<at>Heard</at> my actions', channel));
    const [reply] = sentSince(before);
    expect(reply!.body).toMatchObject({ text: 'Your actions are yours: ask me in our personal chat.' });
  });

  it('a share only my team may read is answered in my own chat, not in the channel thread', async () => {
    const message = sharedMessage('Ibex asked for a discount, keep it in the team');
    await bot.send(
      invokeActivity(user, 'composeExtension/submitAction', {
        commandId: 'shareWithHeard',
        messagePayload: message,
        data: {
          body: 'Ibex asked for a discount, keep it in the team',
          kind: 'observation',
          visibility: 'team',
        },
      }),
    );
    const [insight] = await bot.db
      .sql`select id from insights where source_external_id = ${`${channel.id}:${message.id}`}`;
    const before = bot.microsoft.sent.length;
    await bot.runJob('teams-share-reply', {
      insightId: insight!.id,
      personId: person.id,
      to: { serviceUrl: SERVICE_URL, conversationId: channel.id },
      replyToId: message.id,
    });
    const sent = sentSince(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe(`/v3/conversations/${personalChat(user).id}/activities`);
    expect(JSON.stringify(sent[0]!.body)).toContain('keep it in the team');
  });

  it('a card in a channel no longer shows an insight whose audience was narrowed', async () => {
    const insight = await buildInsight(bot.db.sql, {
      title: 'Ibex loves the new reports',
      reporterId: person.id,
    });
    await bot.db.sql`insert into chat_cards (platform, insight_id, channel, message_ref, service_url) values
      ('teams', ${insight.id}, ${channel.id}, 'in-channel', ${SERVICE_URL}),
      ('teams', ${insight.id}, ${personalChat(user).id}, 'in-personal', ${SERVICE_URL})`;
    await bot.db
      .sql`update insights set visibility_scope = 'people', visibility_person_ids = ${[person.id]} where id = ${insight.id}`;
    const before = bot.microsoft.sent.length;
    await bot.integrations.chat.find((d) => d.platform === 'teams')!.refreshCards!(insight.id);
    const updates = Object.fromEntries(
      sentSince(before).map((c) => [c.path.split('/').pop(), JSON.stringify(c.body)]),
    );
    expect(updates['in-channel']).toContain('visible to fewer people');
    expect(updates['in-channel']).not.toContain('new reports');
    expect(updates['in-personal']).toContain('Ibex loves the new reports');
  });

  it('a "Me too" on a narrowed insight in a channel answers without its content', async () => {
    const response = await bot.send(
      invokeActivity(user, 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'me-too', data: { insightId: teamOnly.id } },
      }),
    );
    const text = JSON.stringify(await response.json());
    expect(text).toContain('visible to fewer people');
    expect(text).not.toContain('pricing talks');
  });
});
