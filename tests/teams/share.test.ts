import { buildCustomer, buildGoal, buildPerson, queuedJobs } from '@heard/db/testing';
import type { Person } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_URL } from './support/microsoft';
import {
  channel,
  invokeActivity,
  linkedTeamsUser,
  sharedMessage,
  type TeamsUser,
  teamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
let user: TeamsUser;
let person: Person;

beforeAll(async () => {
  ({ user, person } = await linkedTeamsUser(bot, { name: 'Dana Reporter' }));
});

type Dialog = { task: { type: string; value: { card: { content: { body: Record<string, unknown>[] } } } } };
const inputs = (dialog: Dialog) =>
  Object.fromEntries(dialog.task.value.card.content.body.filter((e) => e.id).map((e) => [e.id as string, e]));

async function submit(data: Record<string, unknown>, message = sharedMessage('Acme wants SSO'), id?: string) {
  const activity = invokeActivity(user, 'composeExtension/submitAction', {
    commandId: 'shareWithHeard',
    commandContext: 'message',
    messagePayload: message,
    data: { heard: 'share', link: message.linkToMessage, author: 'Sam Customer-Facing', ...data },
  });
  const response = await bot.send(id ? { ...activity, id } : activity);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const insightsFrom = async (externalIdLike: string) =>
  bot.db
    .sql`select id, title, body, kind, sentiment, visibility_scope, visibility_person_ids, source_url, reporter_id from insights
             where source_kind = 'teams' and source_external_id like ${`%${externalIdLike}%`}`;

describe('Share with Heard (message action)', () => {
  it('leaves the customer field out while Heard has no customers', async () => {
    const response = await bot.send(
      invokeActivity(user, 'composeExtension/fetchTask', {
        commandId: 'shareWithHeard',
        messagePayload: sharedMessage('x'),
      }),
    );
    const fields = inputs((await response.json()) as Dialog);
    expect(fields.body).toBeDefined();
    expect(fields.customerIds).toBeUndefined();
  });

  it('opens a dialog prefilled with the message text, its author and link', async () => {
    const goal = await buildGoal(bot.db.sql, { title: 'Win mid-market' });
    const big = await buildCustomer(bot.db.sql, { name: 'Biggest Account', value: 900_000 });
    const message = sharedMessage('Acme <b>cannot</b> find the export&nbsp;button');
    const response = await bot.send(
      invokeActivity(user, 'composeExtension/fetchTask', {
        commandId: 'shareWithHeard',
        commandContext: 'message',
        messagePayload: message,
      }),
    );
    expect(response.status).toBe(200);
    const dialog = (await response.json()) as Dialog;
    expect(dialog.task.type).toBe('continue');
    const card = dialog.task.value.card.content as unknown as Record<string, unknown>;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    const fields = inputs(dialog);
    expect(fields.body).toMatchObject({ type: 'Input.Text', value: 'Acme cannot find the export button' });
    expect(fields.kind).toMatchObject({ type: 'Input.ChoiceSet', value: 'observation' });
    expect(fields.customerIds).toMatchObject({
      'choices.data': { type: 'Data.Query', dataset: 'customers' },
      choices: [{ title: 'Biggest Account', value: big.id }],
    });
    expect((fields.goalIds as { choices: { value: string }[] }).choices).toContainEqual({
      title: 'Win mid-market',
      value: goal.id,
    });
    expect(JSON.stringify(card)).toContain('From Sam Customer-Facing');
    expect(card.actions).toMatchObject([{ type: 'Action.Submit', data: { link: message.linkToMessage } }]);
  });

  it('posts the insight through the domain and queues the reply card', async () => {
    const customer = await buildCustomer(bot.db.sql, { name: 'Acme Ltd' });
    const goal = await buildGoal(bot.db.sql, { title: 'Land enterprise accounts' });
    const message = sharedMessage('Acme wants single sign-on before renewal');
    const answer = await submit(
      {
        body: 'Acme wants single sign-on before renewal',
        kind: 'request',
        sentiment: 'negative',
        customerIds: customer.id,
        goalIds: goal.id,
        tags: 'sso, renewal',
        visibility: 'everyone',
      },
      message,
    );
    expect(answer).toMatchObject({ task: { type: 'message' } });
    const [insight] = await insightsFrom(message.id);
    expect(insight).toMatchObject({
      kind: 'request',
      sentiment: 'negative',
      reporter_id: person.id,
      source_url: message.linkToMessage,
    });
    expect(String((answer.task as { value: string }).value)).toContain(`/insights/${insight!.id}`);
    const jobs = (await queuedJobs(bot.db.sql)).filter((j) => j.task === 'teams-share-reply');
    expect(jobs.map((j) => j.payload)).toContainEqual(
      expect.objectContaining({
        insightId: insight!.id,
        replyToId: message.id,
        to: { serviceUrl: SERVICE_URL, conversationId: channel.id },
      }),
    );

    const before = bot.microsoft.sent.length;
    await bot.runJob(
      'teams-share-reply',
      jobs.find((j) => (j.payload as unknown as { insightId: string }).insightId === insight!.id)!.payload,
    );
    const [reply] = bot.microsoft.sent.slice(before);
    expect(reply!.path).toBe(`/v3/conversations/${channel.id}/activities/${message.id}`);
    const card = (reply!.body!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(card.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'RichTextBlock',
          inlines: [{ type: 'TextRun', text: 'Acme wants single sign-on before renewal' }],
        }),
        expect.objectContaining({
          type: 'FactSet',
          facts: expect.arrayContaining([
            { title: 'Customers', value: 'Acme Ltd' },
            { title: 'Goals', value: 'Land enterprise accounts' },
          ]),
        }),
      ]),
    );
    expect(card.actions).toMatchObject([
      { type: 'Action.Execute', verb: 'me-too', data: { insightId: insight!.id } },
      { type: 'Action.Execute', verb: 'evidence' },
      { type: 'Action.OpenUrl', url: `https://heard.test.example/insights/${insight!.id}` },
    ]);
    const [stored] = await bot.db
      .sql`select message_ref, service_url from chat_cards where insight_id = ${insight!.id}`;
    expect(stored).toMatchObject({ service_url: SERVICE_URL });
  });

  it('creates one insight when Teams delivers the same submit twice', async () => {
    const message = sharedMessage('Beta Corp asks for an API');
    const id = `act-dup-${Date.now()}`;
    const data = { body: 'Beta Corp asks for an API', kind: 'request' };
    const [first, second] = await Promise.all([submit(data, message, id), submit(data, message, id)]);
    expect(second).toEqual(first);
    expect(await insightsFrom(message.id)).toHaveLength(1);
    const replies = (await queuedJobs(bot.db.sql)).filter(
      (j) =>
        j.task === 'teams-share-reply' &&
        (j.payload as unknown as { replyToId: string }).replyToId === message.id,
    );
    expect(replies).toHaveLength(1);
  });

  it('answers a burst of redeliveries (more than the database pool) with one insight', async () => {
    const message = sharedMessage('Gamma asks for a sandbox');
    const id = `act-burst-${Date.now()}`;
    const data = { body: 'Gamma asks for a sandbox', kind: 'request' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => submit(data, message, id)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await insightsFrom(message.id)).toHaveLength(1);
  });

  it('lets a redelivery succeed after the first delivery of the same activity was refused', async () => {
    const message = sharedMessage('Delta wants exports in XLSX');
    const id = `act-retry-${Date.now()}`;
    const refused = (await submit({ body: '', kind: 'request' }, message, id)) as unknown as Dialog;
    expect(refused.task.type).toBe('continue');
    const accepted = await submit({ body: 'Delta wants exports in XLSX', kind: 'request' }, message, id);
    expect(accepted).toMatchObject({ task: { type: 'message' } });
    expect(await insightsFrom(message.id)).toHaveLength(1);
  });

  it('returns the dialog with the error and the typed values when the input is bad', async () => {
    const message = sharedMessage('   ');
    const answer = (await submit(
      { body: '   ', kind: 'pain', tags: 'a, b', visibility: 'everyone' },
      message,
    )) as unknown as Dialog;
    expect(answer.task.type).toBe('continue');
    const [error] = answer.task.value.card.content.body;
    expect(error).toMatchObject({ type: 'TextBlock', color: 'attention' });
    expect(String(error!.text)).toMatch(/text/i);
    expect(inputs(answer).kind).toMatchObject({ value: 'pain' });
    expect(inputs(answer).tags).toMatchObject({ value: 'a, b' });
    expect(await insightsFrom(message.id)).toHaveLength(0);
  });

  it('explains an unknown kind instead of failing', async () => {
    const answer = (await submit({ body: 'Something', kind: 'gossip' })) as unknown as Dialog;
    expect(answer.task.value.card.content.body[0]).toMatchObject({
      color: 'attention',
      text: 'Pick a kind.',
    });
  });

  it('keeps a share visible to the reporter only when asked', async () => {
    const message = sharedMessage('Private remark about Gamma');
    await submit({ body: 'Private remark about Gamma', kind: 'observation', visibility: 'me' }, message);
    const [insight] = await insightsFrom(message.id);
    expect(insight).toMatchObject({ visibility_scope: 'people', visibility_person_ids: [person.id] });
  });

  it('refuses "only my team" from someone in no team instead of sharing with everyone', async () => {
    const message = sharedMessage('Team-only remark from someone without a team');
    const answer = (await submit(
      { body: 'Team-only remark', kind: 'observation', visibility: 'team' },
      message,
    )) as unknown as Dialog;
    expect(answer.task.value.card.content.body[0]).toMatchObject({
      color: 'attention',
      text: expect.stringContaining('not in a team'),
    });
    expect(await insightsFrom(message.id)).toHaveLength(0);
  });

  it('tells a Teams user Heard does not know how to get access', async () => {
    const stranger = teamsUser();
    const response = await bot.send(
      invokeActivity(stranger, 'composeExtension/fetchTask', {
        commandId: 'shareWithHeard',
        messagePayload: sharedMessage('x'),
      }),
    );
    const dialog = (await response.json()) as Dialog;
    expect(JSON.stringify(dialog)).toContain('not linked to Heard');
  });

  it('recognises a person by the email Teams gives, and remembers their object id', async () => {
    const newcomer = teamsUser();
    const known = await buildPerson(bot.db.sql, { email: `newcomer-${Date.now()}@example.com` });
    bot.microsoft.members.set(newcomer.id, { email: known.email, aadObjectId: newcomer.aadObjectId });
    const response = await bot.send(
      invokeActivity(newcomer, 'composeExtension/fetchTask', {
        commandId: 'shareWithHeard',
        messagePayload: sharedMessage('hello'),
      }),
    );
    expect(JSON.stringify(await response.json())).not.toContain('not linked');
    const [row] = await bot.db.sql`select teams_aad_object_id from people where id = ${known.id}`;
    expect(row!.teams_aad_object_id).toBe(newcomer.aadObjectId);
  });
});
