import { describe, expect, it } from 'vitest';
import { signature, useSlackBot } from './support/slack-bot';

const bot = useSlackBot();

describe('the signed Slack endpoint', () => {
  it('answers Slack’s URL verification with the challenge', async () => {
    const response = await bot.post(
      JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers Slack’s SSL check without doing anything', async () => {
    const response = await bot.post(new URLSearchParams({ ssl_check: '1', token: 'x' }).toString(), {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    expect(bot.slack.calls).toEqual([]);
  });

  it('refuses a request signed with another secret with 401 and a log line', async () => {
    bot.logs.length = 0;
    const response = await bot.post(JSON.stringify({ type: 'url_verification', challenge: 'c' }), {
      secret: 'somebody-else',
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/signature or timestamp/);
    expect(bot.logs.some((l) => l.msg === 'Slack request refused' && l.level === 40)).toBe(true);
  });

  it('refuses a request whose timestamp is more than five minutes old, even correctly signed', async () => {
    const response = await bot.post(JSON.stringify({ type: 'url_verification', challenge: 'c' }), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(response.status).toBe(401);
  });

  it('refuses a request without signature headers', async () => {
    const response = await bot.app.request('http://bot.test/slack/events', {
      method: 'POST',
      body: '{"type":"url_verification","challenge":"c"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(401);
  });

  it('refuses a body changed after signing', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await bot.app.request('http://bot.test/slack/events', {
      method: 'POST',
      body: '{"type":"url_verification","challenge":"changed"}',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature('{"type":"url_verification","challenge":"c"}', timestamp),
      },
    });
    expect(response.status).toBe(401);
  });

  it('answers a signed but malformed body with 400, not a crash', async () => {
    for (const [body, contentType] of [
      ['{not json', 'application/json'],
      ['payload=%7Bbroken', 'application/x-www-form-urlencoded'],
      ['[1,2,3]', 'application/json'],
      ['hello', 'text/plain'],
    ] as const) {
      const response = await bot.post(body, { contentType });
      expect(response.status, body).toBe(400);
    }
    const after = await bot.post(JSON.stringify({ type: 'url_verification', challenge: 'still-here' }));
    expect(await after.json()).toEqual({ challenge: 'still-here' });
  });

  it('acknowledges an event type Heard does not listen to', async () => {
    const response = await bot.event({ type: 'channel_created', channel: { id: 'C1' } });
    expect(response.status).toBe(200);
  });

  it('acknowledges a click on a link button and does nothing else', async () => {
    bot.slack.reset();
    const response = await bot.interact({
      type: 'block_actions',
      user: { id: 'U0ANYONE' },
      trigger_id: 'link-click-1',
      actions: [
        {
          type: 'button',
          action_id: 'open_in_heard',
          block_id: 'x',
          url: 'http://hub.test/insights/1',
          action_ts: '1',
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(bot.slack.calls).toEqual([]);
  });
});
