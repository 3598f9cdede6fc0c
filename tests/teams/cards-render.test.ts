// Every kind of card the bot sends, parsed and rendered by the official Adaptive Cards renderer
// in Chromium: no parse or validation events (unknown elements, bad values), and a screenshot
// of each under test-results/ to look at.

import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { buildCustomer, buildInsight } from '@heard/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser';
import {
  installActivity,
  invokeActivity,
  type Json,
  linkedTeamsUser,
  messageActivity,
  sharedMessage,
  type TeamsUser,
  teamsUser,
  useTeamsBot,
} from './support/teams-bot';

const bot = useTeamsBot();
const require = createRequire(import.meta.url);
let browser: Browser;
let page: Page;
let user: TeamsUser;
const cards = new Map<string, Json>();

const lastCard = (before: number) => {
  const call = bot.microsoft.sent.slice(before).find((c) => c.method !== 'GET' && c.body?.attachments);
  return (call!.body!.attachments as { content: Json }[])[0]!.content;
};

beforeAll(async () => {
  if (!hasChromium) return;
  const linked = await linkedTeamsUser(bot, { name: 'Dana Reporter' });
  user = linked.user;
  const person = linked.person;
  const customer = await buildCustomer(bot.db.sql, { name: 'Acme Ltd' });
  const insight = await buildInsight(bot.db.sql, {
    title: 'Acme cannot find the export button',
    body: `Acme cannot find the export button and exports by hand every Friday. ${'They tried the menu, the search and the help centre. '.repeat(40)}`,
    customerIds: [customer.id],
    tags: ['export', 'navigation'],
    reporterId: person.id,
  });
  let before = bot.microsoft.sent.length;
  await bot.send(installActivity(user));
  cards.set('welcome', lastCard(before));
  before = bot.microsoft.sent.length;
  await bot.send(messageActivity(user, 'post Beta wants **bold** exports [now](http://x)'));
  cards.set('insight', lastCard(before));
  const dialog = await (
    await bot.send(
      invokeActivity(user, 'composeExtension/fetchTask', {
        commandId: 'shareWithHeard',
        messagePayload: sharedMessage('Acme asks for SSO'),
      }),
    )
  ).json();
  cards.set('share-form', dialog.task.value.card.content);
  const error = await (
    await bot.send(
      invokeActivity(user, 'composeExtension/submitAction', {
        commandId: 'shareWithHeard',
        data: { body: '', kind: 'pain' },
      }),
    )
  ).json();
  cards.set('share-form-error', error.task.value.card.content);
  const long = await (
    await bot.send(
      invokeActivity(user, 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'show', data: { insightId: insight.id } },
      }),
    )
  ).json();
  cards.set('insight-long', long.value);
  const form = await (
    await bot.send(
      invokeActivity(user, 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'evidence', data: { insightId: insight.id } },
      }),
    )
  ).json();
  cards.set('evidence-form', form.value);
  before = bot.microsoft.sent.length;
  await bot.send(messageActivity(user, 'help'));
  cards.set('help', lastCard(before));
  before = bot.microsoft.sent.length;
  await bot.integrations.chat
    .find((d) => d.platform === 'teams')!
    .sendToPerson(person.id, {
      text: 'Priya linked your insight "Acme cannot find the export button" to the goal "Win mid-market".',
      link: 'https://heard.test.example/insights/1',
    });
  cards.set('notice', lastCard(before));
  before = bot.microsoft.sent.length;
  await bot.send(messageActivity(user, 'subscribe'));
  cards.set('subscribe-form', lastCard(before));
  const digestForm = { scope: 'stories', cadence: 'weekly', weekday: '1', timeZone: 'UTC', channel: 'teams' };
  const subscribeWith = async (localTime: string) =>
    (
      await (
        await bot.send(
          invokeActivity(user, 'adaptiveCard/action', {
            action: { type: 'Action.Execute', verb: 'digest-subscribe', data: { ...digestForm, localTime } },
          }),
        )
      ).json()
    ).value;
  cards.set('subscribe-form-error', await subscribeWith('25:00'));
  cards.set('subscriptions', await subscribeWith('09:00'));
  before = bot.microsoft.sent.length;
  await bot.send(messageActivity(teamsUser(), 'help'));
  cards.set('not-linked', lastCard(before));

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 480, height: 800 } });
  await page.setContent(
    '<html><body style="font-family: sans-serif; margin: 0; padding: 12px; background: #f5f5f5"><div id="card" style="background: white; padding: 12px; border-radius: 6px"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await mkdir('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!hasChromium)('Teams cards, as the Adaptive Cards renderer sees them', () => {
  const names = [
    'welcome',
    'insight',
    'insight-long',
    'share-form',
    'share-form-error',
    'evidence-form',
    'help',
    'notice',
    'subscribe-form',
    'subscribe-form-error',
    'subscriptions',
    'not-linked',
  ];
  it.each(names)('%s parses without warnings, stays under the size limit and renders', async (name) => {
    const card = cards.get(name);
    expect(card, name).toBeTruthy();
    expect(JSON.stringify(card).length).toBeLessThan(24_000);
    const events = await page.evaluate((json) => {
      // biome-ignore lint/suspicious/noExplicitAny: the renderer is a global script in the page
      const AC = (window as any).AdaptiveCards;
      const adaptive = new AC.AdaptiveCard();
      const context = new AC.SerializationContext();
      adaptive.parse(json, context);
      const found: string[] = [];
      for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
      for (const event of adaptive.validateProperties().validationEvents) found.push(event.message);
      const target = document.getElementById('card')!;
      target.innerHTML = '';
      target.appendChild(adaptive.render());
      return found;
    }, card);
    expect(events).toEqual([]);
    await page.locator('#card').screenshot({ path: `test-results/teams-card-${name}.png` });
  });
});
