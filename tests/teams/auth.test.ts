import { buildPerson } from '@heard/db/testing';
import { describe, expect, it } from 'vitest';
import { BOT_TOKEN, TENANT_ID } from './support/microsoft';
import { messageActivity, teamsUser, useTeamsBot } from './support/teams-bot';

const bot = useTeamsBot();

describe('POST /api/messages authenticates every request before anything else', () => {
  it('answers a correctly signed activity and replies through the service URL with a bot token', async () => {
    const user = teamsUser();
    await buildPerson(bot.db.sql, { chat: { teamsAadObjectId: user.aadObjectId } });
    const before = bot.microsoft.posted().length;
    const response = await bot.send(messageActivity(user, 'help'));
    expect(response.status).toBe(200);
    const replies = bot.microsoft.posted().slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(replies[0]!.body?.attachments).toMatchObject([
      { contentType: 'application/vnd.microsoft.card.adaptive' },
    ]);
  });

  it('checks a token again in full unless it is the very token verified before (same claims, other signature: refused)', async () => {
    const user = teamsUser();
    await buildPerson(bot.db.sql, { chat: { teamsAadObjectId: user.aadObjectId } });
    const good = await bot.microsoft.token();
    expect((await bot.send(messageActivity(user, 'help'), good)).status).toBe(200);
    expect((await bot.send(messageActivity(user, 'help'), good)).status).toBe(200);
    const [header, payload] = good.split('.');
    const resigned = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await bot.send(messageActivity(user, 'help'), resigned)).status).toBe(401);
  });

  it('refuses a request without a token', async () => {
    const response = await bot.send(messageActivity(teamsUser(), 'help'), null);
    expect(response.status).toBe(401);
  });

  it('refuses a token signed by a key the Bot Framework does not publish', async () => {
    const forged = await bot.microsoft.token({}, { key: 'stranger' });
    expect((await bot.send(messageActivity(teamsUser(), 'help'), forged)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = await bot.microsoft.token({}, { expiresIn: '-10 minutes' });
    expect((await bot.send(messageActivity(teamsUser(), 'help'), expired)).status).toBe(401);
  });

  it('refuses a token for another app', async () => {
    const other = await bot.microsoft.token({ aud: '99999999-9999-4999-8999-999999999999' });
    expect((await bot.send(messageActivity(teamsUser(), 'help'), other)).status).toBe(401);
  });

  it('refuses a token from an issuer it does not trust', async () => {
    const foreign = await bot.microsoft.token({
      iss: 'https://login.microsoftonline.com/22222222-2222-4222-8222-222222222222/v2.0',
    });
    expect((await bot.send(messageActivity(teamsUser(), 'help'), foreign)).status).toBe(401);
  });

  it('accepts a token Entra issued for the app in its own tenant', async () => {
    const user = teamsUser();
    await buildPerson(bot.db.sql, { chat: { teamsAadObjectId: user.aadObjectId } });
    const entra = await bot.microsoft.token({
      iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
      tid: TENANT_ID,
      serviceurl: undefined,
    });
    expect((await bot.send(messageActivity(user, 'help'), entra)).status).toBe(200);
  });

  it('refuses an activity whose serviceUrl is not the one its token was issued for', async () => {
    const activity = {
      ...messageActivity(teamsUser(), 'help'),
      serviceUrl: 'https://attacker.example/teams/',
    };
    const before = bot.microsoft.sent.length;
    expect((await bot.send(activity)).status).toBe(401);
    expect(bot.microsoft.sent.length).toBe(before);
  });

  it('refuses a Bot Framework token that names no serviceUrl', async () => {
    const bare = await bot.microsoft.token({ serviceurl: undefined });
    expect((await bot.send(messageActivity(teamsUser(), 'help'), bare)).status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await bot.app.request('http://bot.test/api/messages', {
      method: 'POST',
      headers: { authorization: 'Basic abc', 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity(teamsUser(), 'help')),
    });
    expect(response.status).toBe(401);
  });
});
