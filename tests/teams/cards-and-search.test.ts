import { reindex } from '@heard/bot';
import { buildCustomer, buildInsight, buildPerson, buildTeam, queuedJobs } from '@heard/db/testing';
import type { Insight, Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  channel,
  invokeActivity,
  type Json,
  linkedTeamsUser,
  type TeamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
let user: TeamsUser;
let person: Person;
let open: Insight;
let restricted: Insight;
let story: Insight;

beforeAll(async () => {
  const team = await buildTeam(bot.db.sql);
  const otherTeam = await buildTeam(bot.db.sql);
  ({ user, person } = await linkedTeamsUser(bot, { teamId: team.id }));
  open = await buildInsight(bot.db.sql, {
    title: 'Walrus exports time out',
    body: 'Walrus exports time out for large accounts.',
  });
  restricted = await buildInsight(bot.db.sql, {
    title: 'Walrus contract dispute',
    body: 'Walrus contract dispute, only for the other team.',
    visibility: { scope: 'team', teamId: otherTeam.id },
  });
  story = await buildInsight(bot.db.sql, {
    title: 'Walrus saved a day a week',
    body: 'Walrus saved a day a week with scheduled reports.',
  });
  const curator = await buildPerson(bot.db.sql, { roles: ['curator'] });
  await bot.db
    .sql`insert into stories (insight_id, headline, summary, pull_quote, status, curator_id, published_at)
                   values (${story.id}, 'A day a week back for Walrus', 'Scheduled reports gave Walrus a day back.', 'We got Fridays back', 'published', ${curator.id}, now())`;
  await reindex(bot.db.sql, bot.search as never);
});

async function invoke(name: string, value: unknown, from = user) {
  const response = await bot.send(invokeActivity(from, name, value));
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, Json>;
}

const execute = (verb: string, data: Record<string, unknown>, from = user) =>
  invoke('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, from);

describe('search message extension', () => {
  it('finds insights as cards, leaving out what the person may not read', async () => {
    const answer = await invoke('composeExtension/query', {
      commandId: 'searchInsights',
      parameters: [{ name: 'searchQuery', value: 'walrus' }],
      queryOptions: { skip: 0, count: 10 },
    });
    expect(answer.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const attachments = answer.composeExtension.attachments as Record<string, Json>[];
    const titles = attachments.map((a) => a.preview.content.title);
    expect(titles).toContain('Walrus exports time out');
    expect(titles).not.toContain('Walrus contract dispute');
    expect(JSON.stringify(answer)).not.toContain(restricted.id);
    const card = attachments.find((a) => a.preview.content.title === 'Walrus exports time out')!;
    expect(card).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard' },
    });
    // Inserted into any conversation: only a link, no buttons that need the bot there.
    expect(card.content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open in Heard',
        url: `https://heard.test.example/insights/${open.id}`,
      },
    ]);
  });

  it('lists the newest insights before anything is typed, a page at a time', async () => {
    const first = await invoke('composeExtension/query', {
      commandId: 'searchInsights',
      parameters: [{ name: 'searchQuery', value: '' }],
      queryOptions: { skip: 0, count: 2 },
    });
    const second = await invoke('composeExtension/query', {
      commandId: 'searchInsights',
      parameters: [{ name: 'searchQuery', value: '' }],
      queryOptions: { skip: 2, count: 2 },
    });
    const titles = (answer: Json) =>
      (answer.composeExtension.attachments as Json[]).map((a) => a.preview.content.title);
    expect(titles(first)).toEqual(['Walrus saved a day a week', 'Walrus exports time out']);
    expect(titles(second)).not.toContain('Walrus exports time out');
  });

  it('finds published stories as story cards', async () => {
    const answer = await invoke('composeExtension/query', {
      commandId: 'searchStories',
      parameters: [{ name: 'searchQuery', value: 'walrus' }],
    });
    const attachments = answer.composeExtension.attachments as Record<string, Json>[];
    expect(attachments.map((a) => a.preview.content.title)).toEqual(['A day a week back for Walrus']);
    expect(JSON.stringify(attachments[0]!.content)).toContain('We got Fridays back');
  });

  it('answers the customer type-ahead of the share form', async () => {
    const customer = await buildCustomer(bot.db.sql, { name: 'Walrus Logistics' });
    const answer = await invoke('application/search', {
      queryText: 'Walrus Lo',
      dataset: 'customers',
      queryOptions: { top: 10 },
    });
    expect(answer).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
    });
    expect(answer.value.results).toContainEqual({ title: 'Walrus Logistics', value: customer.id });
  });
});

describe('card buttons', () => {
  it('"Me too" adds a reaction once and redraws the card with the new count', async () => {
    const first = await execute('me-too', { insightId: open.id });
    expect(first).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(first.value)).toContain('You said me too.');
    expect(JSON.stringify(first.value)).toContain('1 reaction');
    const second = await execute('me-too', { insightId: open.id });
    expect(JSON.stringify(second.value)).toContain('You had already said me too.');
    const [row] = await bot.db
      .sql`select count(*)::int as n from reactions where insight_id = ${open.id} and emoji = 'me-too'`;
    expect(row!.n).toBe(1);
    // The shared chat job redraws cards in other conversations.
    expect((await queuedJobs(bot.db.sql)).map((j) => j.payload)).toContainEqual({
      type: 'insight.edited',
      insightId: open.id,
    });
  });

  it('"Add evidence" shows a form, refuses an empty customer, then records the evidence', async () => {
    const form = await execute('evidence', { insightId: open.id });
    expect(form.value.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'customerId',
          'choices.data': expect.objectContaining({ type: 'Data.Query', dataset: 'customers' }),
        }),
      ]),
    );
    const empty = await execute('add-evidence', { insightId: open.id, customerId: '' });
    expect(empty.value.body[0]).toMatchObject({
      color: 'attention',
      text: 'Pick the customer who says this too.',
    });
    const unknown = await execute('add-evidence', {
      insightId: open.id,
      customerId: '00000000-0000-4000-8000-000000000000',
      title: open.title,
    });
    expect(unknown.value.body[0]).toMatchObject({ color: 'attention' });
    const customer = await buildCustomer(bot.db.sql, { name: 'Narwhal GmbH' });
    const done = await execute('add-evidence', {
      insightId: open.id,
      customerId: customer.id,
      note: 'Same on their side',
    });
    expect(JSON.stringify(done.value)).toContain('Evidence added.');
    const evidence = await bot.db
      .sql`select note from evidence where insight_id = ${open.id} and customer_id = ${customer.id}`;
    expect(evidence).toEqual([{ note: 'Same on their side' }]);
  });

  it('answers a button on a restricted insight as if it did not exist', async () => {
    const answer = await execute('me-too', { insightId: restricted.id });
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(answer)).not.toContain('dispute');
    const [row] = await bot.db
      .sql`select count(*)::int as n from reactions where insight_id = ${restricted.id}`;
    expect(row!.n).toBe(0);
  });

  it('answers a malformed activity with 400, not a crash', async () => {
    const response = await bot.send({ ...invokeActivity(user, '', null), type: 'invoke' });
    expect(response.status).toBe(400);
  });

  it('counts a Teams reaction on a card Heard posted', async () => {
    const [card] = await bot.db
      .sql`insert into chat_cards (platform, insight_id, channel, message_ref, service_url)
      values ('teams', ${story.id}, ${channel.id}, 'card-msg-1', 'https://smba.test.example/teams/') returning message_ref`;
    const { name: _name, value: _value, ...base } = invokeActivity(user, 'unused', null);
    const activity = {
      ...base,
      type: 'messageReaction',
      replyToId: card!.message_ref,
      reactionsAdded: [{ type: 'heart' }],
    };
    expect((await bot.send(activity)).status).toBe(200);
    const [row] = await bot.db
      .sql`select count(*)::int as n from reactions where insight_id = ${story.id} and emoji = 'heart' and person_id = ${person.id}`;
    expect(row!.n).toBe(1);
  });
});
