import type { ChatDelivery, ChatDeliveryResult, ChatMessage, ChatPlatform } from '../chat/chat-delivery';

/**
 * Messages per second each platform accepts per channel or conversation: Slack posts about one
 * per second per channel (https://api.slack.com/methods/chat.postMessage#rate_limiting), Teams
 * seven per second per conversation (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
 */
export const PLATFORM_RATE: Record<ChatPlatform, number> = { slack: 1, teams: 7 };

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces sends to one key (a channel, a conversation) in this process: one at a time, each starting
 * `intervalMs` after the previous one finished. Counting from the finish rather than the start
 * keeps the gap the platform sees at least `intervalMs` even when a busy event loop or a slow
 * network makes requests arrive late and bunched.
 */
export class Pacer {
  private readonly tails = new Map<string, Promise<void>>();
  constructor(
    private readonly intervalMs: number,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Runs `send` when the key's turn comes. */
  async run<T>(key: string, send: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.tails.set(key, tail);
    await previous;
    try {
      return await send();
    } finally {
      void this.sleep(this.intervalMs).then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
        release();
      });
    }
  }
}

/** How long a refusal asks us to wait (429 with Retry-After), in ms; null for anything else. */
export function retryAfterMs(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  const status = e.status ?? e.statusCode ?? (e.response as Record<string, unknown> | undefined)?.status;
  const seconds =
    e.retryAfter ??
    (e.headers as Record<string, unknown> | undefined)?.['retry-after'] ??
    ((e.response as Record<string, unknown> | undefined)?.headers as Headers | undefined)?.get?.(
      'retry-after',
    );
  if (seconds !== undefined && seconds !== null && !Number.isNaN(Number(seconds)))
    return Number(seconds) * 1000;
  if (status === 429 || e.code === 'slack_webapi_rate_limited_error') return 1000;
  return null;
}

/** A failure worth trying again soon: rate limits, server errors, lost connections. */
export function isTransient(error: unknown): boolean {
  if (retryAfterMs(error) !== null) return true;
  const e = error as Record<string, unknown> | null;
  const status = Number(e?.status ?? e?.statusCode ?? 0);
  if (status >= 500) return true;
  return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'].includes(
    String(e?.code ?? ''),
  );
}

export interface PacedDeliveryOptions {
  /** Tries within one job before the queue's own backoff takes over. */
  attempts?: number;
  /** First backoff after a server error, doubled each time (with jitter). */
  backoffMs?: number;
  /** A Retry-After longer than this is left to the queue rather than waited for here. */
  maxWaitMs?: number;
  sleep?: Sleep;
  /** Called on every retry, for logs and tests. */
  onRetry?: (info: { attempt: number; waitMs: number; error: unknown }) => void;
}

/**
 * Wraps a platform's delivery with its pace (per person's conversation) and with retries:
 * a 429 waits exactly as long as Retry-After says, other transient failures back off exponentially;
 * what still fails is thrown, so the job is retried later by the queue.
 */
export function pacedDelivery(delivery: ChatDelivery, options: PacedDeliveryOptions = {}) {
  const sleep = options.sleep ?? realSleep;
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  const maxWait = options.maxWaitMs ?? 30_000;
  const pacer = new Pacer(1000 / PLATFORM_RATE[delivery.platform], sleep);

  async function send(key: string, attempt: () => Promise<ChatDeliveryResult>): Promise<ChatDeliveryResult> {
    for (let n = 1; ; n++) {
      try {
        return await pacer.run(key, attempt);
      } catch (error) {
        if (n >= attempts || !isTransient(error)) throw error;
        const asked = retryAfterMs(error);
        if (asked !== null && asked > maxWait) throw error;
        const waitMs = asked ?? backoff * 2 ** (n - 1) * (0.75 + Math.random() / 2);
        options.onRetry?.({ attempt: n, waitMs, error });
        await sleep(waitMs);
      }
    }
  }

  return {
    platform: delivery.platform,
    sendToPerson: (personId: string, message: ChatMessage) =>
      send(`person:${personId}`, () => delivery.sendToPerson(personId, message)),
    sendToChannel: (channel: string, message: ChatMessage) =>
      send(`channel:${channel}`, () => delivery.sendToChannel(channel, message)),
  } satisfies ChatDelivery;
}
