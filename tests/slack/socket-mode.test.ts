import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSocketServer } from './support/fake-socket';
import { textOf } from './support/slack-api';
import { eventually, useSlackBot } from './support/slack-bot';

const socket = new FakeSocketServer();
// Registered before the bot's own hooks, so the socket address exists when Socket Mode connects.
beforeAll(async () => {
  bot.slack.socketUrl = await socket.start();
});
const bot = useSlackBot({ env: { SLACK_APP_TOKEN: 'xapp-test-token' } });
afterAll(() => socket.stop());

describe('Socket Mode', () => {
  it('connects with the app token and answers a slash command through the socket', async () => {
    await eventually(
      () => socket.sockets.length,
      (n) => n > 0,
    );
    expect(socket.sockets).toHaveLength(1);
    const open = bot.slack.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    socket.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy',
        team_id: 'T0HEARD',
        channel_id: 'C0SALES',
        user_id: 'U0ANA',
        command: '/heard',
        text: 'help',
        response_url: 'https://hooks.slack.com/commands/T0HEARD/socket',
        trigger_id: 'socket-trigger-1',
        api_app_id: 'A0HEARD',
      },
    });
    const [ack] = await eventually(
      () => socket.received.filter((m) => m.envelope_id === 'env-1'),
      (acks) => acks.length > 0,
    );
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    // The answer itself goes to the response_url, as over HTTP.
    const [reply] = await eventually(
      () => bot.slack.responses,
      (r) => r.length > 0,
    );
    expect(reply!.args.response_type).toBe('ephemeral');
    expect(textOf(reply!.args.blocks)).toContain('/heard search <words>');
  });

  it('acknowledges a redelivered envelope without doing the work again', async () => {
    const envelope = (id: string) => ({
      envelope_id: id,
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T0HEARD',
        channel_id: 'C0SALES',
        user_id: 'U0ANA',
        command: '/heard',
        text: 'Osprey wants SSO',
        response_url: 'https://hooks.slack.com/commands/T0HEARD/socket2',
        trigger_id: 'socket-trigger-2',
        api_app_id: 'A0HEARD',
      },
    });
    await bot.person('U0ANA');
    socket.send(envelope('env-2'));
    socket.send(envelope('env-3'));
    await eventually(
      () => socket.received.filter((m) => m.envelope_id === 'env-2' || m.envelope_id === 'env-3'),
      (acks) => acks.length === 2,
    );
    await bot.slack.waitFor('views.open');
    expect(bot.slack.callsTo('views.open')).toHaveLength(1);
  });
});
