import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';
import { eventually, HUB, useSlackBot } from './support/slack-bot';

const SHOTS = 'test-results/link-chat';
// The web hub (demo organisation) and the Slack bot on one database: a journey across both.
const web = useBrowserHub({ insights: 20, shots: SHOTS });
const { hub } = web;
const bot = useSlackBot({ database: () => hub.db });

/** Runs `/heard search …` as a Slack user and returns the text of the ephemeral answer. */
async function search(user: string, words = 'billing'): Promise<string> {
  const before = bot.slack.responses.length;
  expect((await bot.command(user, `search ${words}`)).status).toBe(200);
  const responses = await eventually(
    () => bot.slack.responses.slice(before),
    (r) => r.length > 0,
  );
  return String(responses[0]!.args.text);
}

/** The hub path of the one-time link in Heard's answer. */
function linkIn(text: string, platform = 'slack'): string {
  const match = new RegExp(`<${HUB}(/link/${platform}/[A-Za-z0-9_-]+)\\|`).exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

const slackIdOf = async (email: string) =>
  (await hub.db.sql`select slack_user_id from people where email = ${email}`)[0]!.slack_user_id;

describe('linking a Slack account Heard cannot match by email', () => {
  it('answers with a one-time link instead of results; the signed-in person confirms it and is recognised', async () => {
    bot.slack.users.set('U0SAM', 'sam@personal.example');
    const answer = await search('U0SAM');
    expect(answer).toContain('Heard does not know your Slack account yet');
    expect(answer).toContain('Link this Slack account to you');
    const path = linkIn(answer);
    const [stored] = await hub.db
      .sql`select platform, chat_user_id, expires_at - created_at as ttl from chat_link_tokens`;
    expect(stored).toMatchObject({ platform: 'slack', chat_user_id: 'U0SAM' });
    expect(JSON.stringify(await hub.db.sql`select token_hash from chat_link_tokens`)).not.toContain(
      path.split('/').at(-1)!,
    );

    // Signed out, the link leads to sign-in and back.
    const signedOut = await hub.get(path);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);

    const sam = await hub.signIn('sam.carter@example.com');
    const page = await hub.get(path, sam);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Link this Slack account to me');
    expect(await slackIdOf('sam.carter@example.com')).toBeNull(); // opening it changes nothing

    const confirmed = await hub.post(path, {}, sam);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Heard now knows your Slack account is you');
    expect(await slackIdOf('sam.carter@example.com')).toBe('U0SAM');

    const results = await search('U0SAM');
    expect(results).toMatch(/insights match "billing"/);

    // Used once: its user sees it done; anyone else is refused with a page that says so.
    expect(await (await hub.get(path, sam)).text()).toContain('Heard now knows your Slack account is you');
    const priya = await hub.signIn('priya.raman@example.com');
    const again = await hub.post(path, {}, priya);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This link has already been used.');
    expect(await slackIdOf('priya.raman@example.com')).toBeNull();
  });

  it('refuses an expired link with a clear page, linking nothing', async () => {
    bot.slack.users.set('U0LATE', 'late@personal.example');
    const path = linkIn(await search('U0LATE'));
    await hub.db
      .sql`update chat_link_tokens set expires_at = now() - interval '1 minute' where chat_user_id = 'U0LATE'`;
    const priya = await hub.signIn('priya.raman@example.com');
    const page = await hub.get(path, priya);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This link has expired: links work for an hour.');
    expect((await hub.post(path, {}, priya)).status).toBe(410);
    expect(await slackIdOf('priya.raman@example.com')).toBeNull();
  });

  it('refuses a link for a Slack account already linked to someone else', async () => {
    bot.slack.users.set('U0SHARED', 'shared@personal.example');
    const path = linkIn(await search('U0SHARED'));
    const [other] = await hub.db.sql`select id from people where email <> 'priya.raman@example.com'
                                     and slack_user_id is null and deactivated_at is null limit 1`;
    await hub.db.sql`update people set slack_user_id = 'U0SHARED' where id = ${other!.id}`;
    const priya = await hub.signIn('priya.raman@example.com');
    const refused = await hub.post(path, {}, priya);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('already linked to someone else');
    expect(await slackIdOf('priya.raman@example.com')).toBeNull();
    const [token] = await hub.db.sql`select used_at from chat_link_tokens where chat_user_id = 'U0SHARED'`;
    expect(token!.used_at).toBeNull();
  });

  it('refuses a confirmation posted from another site (CSRF)', async () => {
    bot.slack.users.set('U0CSRF', 'csrf@personal.example');
    const path = linkIn(await search('U0CSRF'));
    const priya = await hub.signIn('priya.raman@example.com');
    const forged = await hub.app.request(`http://localhost${path}`, {
      method: 'POST',
      body: new URLSearchParams(),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: priya,
      },
    });
    expect(forged.status).toBe(403);
    expect(await slackIdOf('priya.raman@example.com')).toBeNull();
  });
});

describe.skipIf(!hasChromium)('linking in the browser', () => {
  it('opens the link signed in, confirms with the button, and is linked', async () => {
    bot.slack.users.set('U0LEA', 'lea@personal.example');
    const path = linkIn(await search('U0LEA'));
    // Signed in as Léa already (the sign-in page has its own tests): her session cookie.
    const [name, value] = (await hub.signIn('lea.moreau@example.com')).split('=');
    const context = await web.browser.newContext({ viewport: { width: 1100, height: 700 } });
    await context.addCookies([{ name: name!, value: value!, url: web.url() }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${web.url()}${path}`);
    await page.getByRole('heading', { name: 'Link your Slack account' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/link-confirm.png`, fullPage: true });
    await page.getByRole('button', { name: 'Link this Slack account to me' }).click();
    await page.getByText('Done: Heard now knows your Slack account is you.').waitFor();
    await page.screenshot({ path: `${SHOTS}/link-done.png`, fullPage: true });
    expect(await slackIdOf('lea.moreau@example.com')).toBe('U0LEA');
    expect(errors).toEqual([]);
  });
});
