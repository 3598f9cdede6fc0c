import type { ChatDelivery, ChatMessage } from '@heard/bot';

/**
 * Stand-ins for the Slack and Teams deliveries as seen from outside: they post to the platform's
 * HTTP API (answered by msw in tests, or by a rate-limited server in the bench) and raise errors
 * shaped like the real clients' (status, Retry-After in seconds) when refused.
 */
export function httpChatDelivery(
  platform: 'slack' | 'teams',
  endpoint: string,
  known: Set<string> | null = null,
) {
  const sent: Array<{ personId: string; message: ChatMessage }> = [];
  const post = async (channel: string, message: ChatMessage) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel,
        text: message.text,
        blocks: message.slackBlocks,
        card: message.teamsCard,
      }),
    });
    if (!response.ok) {
      throw Object.assign(new Error(`${platform} answered ${response.status}`), {
        status: response.status,
        ...(response.headers.get('retry-after')
          ? { retryAfter: Number(response.headers.get('retry-after')) }
          : {}),
      });
    }
    const body = (await response.json()) as { ts?: string; id?: string };
    return { delivered: true, channel, messageRef: body.ts ?? body.id ?? 'sent' };
  };
  const delivery: ChatDelivery & { sent: typeof sent } = {
    platform,
    sent,
    async sendToPerson(personId, message) {
      if (known && !known.has(personId)) return { delivered: false };
      const result = await post(`D-${personId.slice(0, 8)}`, message);
      sent.push({ personId, message });
      return result;
    },
    sendToChannel: (channel, message) => post(channel, message),
  };
  return delivery;
}
