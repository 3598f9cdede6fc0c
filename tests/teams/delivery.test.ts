import { type ChatDelivery, TeamsConnector, TeamsSendError } from '@heard/bot';
import { buildInsight, buildPerson } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, SERVICE_URL } from './support/microsoft';
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
let person: Person;
let teams: ChatDelivery;

beforeAll(async () => {
  ({ user, person } = await linkedTeamsUser(bot));
  teams = bot.integrations.chat.find((d) => d.platform === 'teams')!;
  await bot.send(installActivity(user)); // stores the conversation reference
});

const cardOf = (call: { body: Record<string, unknown> | null }) =>
  (call.body!.attachments as { contentType: string; content: Record<string, Json> }[])[0]!;

describe('Teams notifications (ChatDelivery)', () => {
  it("sends a compact card built from the text and link to the person's stored conversation", async () => {
    const before = bot.microsoft.sent.length;
    const result = await teams.sendToPerson(person.id, {
      text: 'Kim assigned you "Call Acme back".',
      link: 'https://heard.test.example/goals/1',
    });
    expect(result).toMatchObject({ delivered: true, channel: personalChat(user).id });
    expect(result.messageRef).toMatch(/^sent-/);
    const [call] = bot.microsoft.sent.slice(before);
    expect(call).toMatchObject({
      method: 'POST',
      path: `/v3/conversations/${personalChat(user).id}/activities`,
      authorization: `Bearer ${BOT_TOKEN}`,
    });
    expect(cardOf(call!)).toEqual({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: expect.objectContaining({
        type: 'AdaptiveCard',
        version: '1.4',
        body: [
          {
            type: 'RichTextBlock',
            inlines: [{ type: 'TextRun', text: 'Kim assigned you "Call Acme back".' }],
          },
        ],
        actions: [
          { type: 'Action.OpenUrl', title: 'Open in Heard', url: 'https://heard.test.example/goals/1' },
        ],
      }),
    });
  });

  it("uses the message's own card when it has one, and a compact one when that card is too big", async () => {
    const own = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Own card' }] };
    const before = bot.microsoft.sent.length;
    await teams.sendToPerson(person.id, { text: 'fallback', teamsCard: own });
    const huge = { ...own, body: [{ type: 'TextBlock', text: 'x'.repeat(40_000) }] };
    await teams.sendToPerson(person.id, { text: `${'Long notice. '.repeat(200)}end`, teamsCard: huge });
    const [first, second] = bot.microsoft.sent.slice(before);
    expect(cardOf(first!).content).toEqual(own);
    const compact = cardOf(second!).content;
    expect(JSON.stringify(compact).length).toBeLessThan(24_000);
    expect(compact.body[0].inlines[0].text.endsWith('…')).toBe(true);
  });

  it('reports "not delivered" for a person who never installed the app', async () => {
    const stranger = await buildPerson(bot.db.sql);
    const before = bot.microsoft.sent.length;
    expect(await teams.sendToPerson(stranger.id, { text: 'hello' })).toEqual({ delivered: false });
    expect(bot.microsoft.sent.length).toBe(before);
  });

  it('waits as Retry-After says on 429 and then delivers', async () => {
    bot.microsoft.failNext(2, 429, '0');
    const before = bot.microsoft.sent.length;
    const result = await teams.sendToPerson(person.id, { text: 'after throttling' });
    expect(result.delivered).toBe(true);
    expect(bot.microsoft.sent.slice(before)).toHaveLength(3);
  });

  it('throws once Teams keeps refusing, so the job is retried', async () => {
    bot.microsoft.failNext(10, 429, '0');
    await expect(teams.sendToPerson(person.id, { text: 'never' })).rejects.toBeInstanceOf(TeamsSendError);
  });

  it('throws at once on a refusal that retrying cannot fix', async () => {
    bot.microsoft.failNext(1, 403);
    const before = bot.microsoft.sent.length;
    await expect(teams.sendToPerson(person.id, { text: 'forbidden' })).rejects.toMatchObject({ status: 403 });
    expect(bot.microsoft.sent.slice(before)).toHaveLength(1);
  });

  it('posts published stories to the configured channel, once the app was added there', async () => {
    expect(teams.storiesChannel).toBe('19:stories@thread.tacv2');
    const stories = { id: '19:stories@thread.tacv2', conversationType: 'channel' };
    await bot.send({ ...installActivity(user, stories), channelData: { team: { name: 'Product' } } });
    const before = bot.microsoft.sent.length;
    const result = await teams.sendToChannel(teams.storiesChannel!, {
      text: 'A day a week back',
      link: 'https://heard.test.example/insights/1',
    });
    expect(result).toMatchObject({ delivered: true, channel: stories.id });
    expect(bot.microsoft.sent.slice(before)[0]!.path).toBe(`/v3/conversations/${stories.id}/activities`);
  });

  it('redraws every card it posted about an insight', async () => {
    const insight = await buildInsight(bot.db.sql, {
      title: 'Otter wants audit logs',
      reporterId: person.id,
    });
    await bot.db.sql`insert into chat_cards (platform, insight_id, channel, message_ref, service_url)
                     values ('teams', ${insight.id}, ${personalChat(user).id}, 'posted-1', ${SERVICE_URL})`;
    await bot.db.sql`update insights set reaction_count = 3 where id = ${insight.id}`;
    const before = bot.microsoft.sent.length;
    await teams.refreshCards!(insight.id);
    const [update] = bot.microsoft.sent.slice(before);
    expect(update).toMatchObject({
      method: 'PUT',
      path: `/v3/conversations/${personalChat(user).id}/activities/posted-1`,
    });
    expect(JSON.stringify(cardOf(update!).content)).toContain('3 reactions');
  });
});

describe('redrawing cards after changes and erasure', () => {
  it('redraws a story card in the stories channel, reaching it through the channel Heard remembers', async () => {
    const story = await buildInsight(bot.db.sql, {
      title: 'Kestrel got Fridays back',
      reporterId: person.id,
    });
    await bot.db.sql`insert into stories (insight_id, headline, summary, status, curator_id, published_at)
                     values (${story.id}, 'Fridays back for Kestrel', 'Scheduled exports gave Kestrel a day.', 'published', ${person.id}, now())`;
    const stories = { id: '19:kestrel-stories@thread.tacv2', conversationType: 'channel' };
    await bot.send(installActivity(user, stories));
    // The shared story job records the card without a service URL.
    await bot.db.sql`insert into chat_cards (platform, insight_id, card_kind, channel, message_ref)
                     values ('teams', ${story.id}, 'story', ${stories.id}, 'story-card-1')`;
    const before = bot.microsoft.sent.length;
    await teams.refreshCards!(story.id);
    const [update] = bot.microsoft.sent.slice(before);
    expect(update).toMatchObject({
      method: 'PUT',
      path: `/v3/conversations/${stories.id}/activities/story-card-1`,
    });
    expect(JSON.stringify(cardOf(update!).content)).toContain('Fridays back for Kestrel');
  });

  it('replaces the cards of an erased insight with a notice that says nothing of it', async () => {
    const insight = await buildInsight(bot.db.sql, {
      title: 'Lynx CFO Jane Roe complained',
      reporterId: person.id,
    });
    await bot.db
      .sql`insert into chat_cards (platform, insight_id, channel, message_ref, service_url, removed_at)
                     values ('teams', ${insight.id}, ${personalChat(user).id}, 'erased-1', ${SERVICE_URL}, now())`;
    const before = bot.microsoft.sent.length;
    await teams.refreshCards!(insight.id);
    const [update] = bot.microsoft.sent.slice(before);
    const text = JSON.stringify(cardOf(update!).content);
    expect(text).toContain('This insight was removed from Heard.');
    expect(text).not.toContain('Jane Roe');
  });
});

describe('connector pacing', () => {
  it('sends at most 7 messages per second to one conversation, and does not hold others back', async () => {
    let now = 1_000_000;
    const waits: number[] = [];
    const connector = new TeamsConnector({
      token: async () => 'bot-connector-token',
      log: pino({ level: 'silent' }),
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    const busy = { serviceUrl: SERVICE_URL, conversationId: 'a:busy' };
    for (let i = 0; i < 7; i++) await connector.send(busy, { type: 'message', text: String(i) });
    expect(waits).toEqual([]);
    await connector.send(
      { serviceUrl: SERVICE_URL, conversationId: 'a:quiet' },
      { type: 'message', text: 'other' },
    );
    expect(waits).toEqual([]);
    await connector.send(busy, { type: 'message', text: '8th' });
    expect(waits).toEqual([1000]);
  });

  it('waits exactly as long as Retry-After asks', async () => {
    const waits: number[] = [];
    const connector = new TeamsConnector({
      token: async () => 'bot-connector-token',
      log: pino({ level: 'silent' }),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    bot.microsoft.failNext(1, 429, '3');
    bot.microsoft.failNext(1, 503, new Date(Date.now() + 60 * 60_000).toUTCString());
    await connector.send(
      { serviceUrl: SERVICE_URL, conversationId: 'a:throttled' },
      { type: 'message', text: 'x' },
    );
    // Seconds as given; an hour-away date is capped so a job never sleeps for long.
    expect(waits).toEqual([3000, 60_000]);
  });
});
