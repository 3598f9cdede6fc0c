import type { Logger } from 'pino';

/** Where a Teams conversation lives: the connector that serves it and its id. */
export interface ConversationAddress {
  serviceUrl: string;
  conversationId: string;
}

/** Raised when Teams keeps refusing or failing; the job that sent it is retried by the queue. */
export class TeamsSendError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TeamsSendError';
  }
}

export interface ConnectorOptions {
  /** Bearer token for the Bot Connector (MSAL client credentials, cached by the SDK). */
  token: () => Promise<string>;
  log: Logger;
  /** Teams allows about 7 messages per second per conversation before answering 429. */
  perConversationPerSecond?: number;
  /** Tries per request, the first included, before giving up. */
  attempts?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as Retry-After may say; capped so a job never sleeps for minutes. */
export function retryAfterMs(header: string | null, fallbackMs: number): number {
  if (!header) return fallbackMs;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.min(Math.max(Number.isFinite(ms) ? ms : fallbackMs, 0), 60_000);
}

/**
 * Heard's calls to the Bot Connector REST API outside a turn (proactive messages, card
 * updates): paced per conversation, 429 and 5xx retried after Retry-After, then thrown.
 */
export class TeamsConnector {
  private readonly sent = new Map<string, number[]>();
  private readonly perSecond: number;
  private readonly attempts: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ConnectorOptions) {
    this.perSecond = options.perConversationPerSecond ?? 7;
    this.attempts = options.attempts ?? 5;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Posts a new message to a conversation; returns its activity id. */
  async send(to: ConversationAddress, activity: Record<string, unknown>): Promise<string> {
    const body = await this.call(
      to,
      'POST',
      `/v3/conversations/${encodeURIComponent(to.conversationId)}/activities`,
      activity,
    );
    return String((body as { id?: string } | null)?.id ?? '');
  }

  /** Posts a reply to a message (a thread reply in a channel). */
  async reply(
    to: ConversationAddress,
    replyToId: string,
    activity: Record<string, unknown>,
  ): Promise<string> {
    const path = `/v3/conversations/${encodeURIComponent(to.conversationId)}/activities/${encodeURIComponent(replyToId)}`;
    const body = await this.call(to, 'POST', path, { ...activity, replyToId });
    return String((body as { id?: string } | null)?.id ?? '');
  }

  /** Replaces a message the bot posted (a card whose counts changed). */
  async update(
    to: ConversationAddress,
    activityId: string,
    activity: Record<string, unknown>,
  ): Promise<void> {
    const path = `/v3/conversations/${encodeURIComponent(to.conversationId)}/activities/${encodeURIComponent(activityId)}`;
    await this.call(to, 'PUT', path, { ...activity, id: activityId });
  }

  /** One member of a conversation, with the email Teams knows for them; null when not a member. */
  async member(
    to: ConversationAddress,
    userId: string,
  ): Promise<{ email?: string; userPrincipalName?: string; aadObjectId?: string } | null> {
    const path = `/v3/conversations/${encodeURIComponent(to.conversationId)}/members/${encodeURIComponent(userId)}`;
    try {
      return (await this.call(to, 'GET', path)) as { email?: string };
    } catch (error) {
      if (error instanceof TeamsSendError && (error.status === 404 || error.status === 403)) return null;
      throw error;
    }
  }

  /** Waits until this conversation has room in its one-second window, then takes a slot. */
  private async pace(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const recent = (this.sent.get(conversationId) ?? []).filter((at) => now - at < 1000);
      if (recent.length < this.perSecond) {
        recent.push(now);
        this.sent.set(conversationId, recent);
        if (this.sent.size > 10_000) this.forgetQuietConversations(now);
        return;
      }
      await this.sleep(1000 - (now - recent[0]!));
    }
  }

  private forgetQuietConversations(now: number): void {
    for (const [id, times] of this.sent) if (times.every((at) => now - at >= 1000)) this.sent.delete(id);
  }

  private async call(
    to: ConversationAddress,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<unknown> {
    const url = `${to.serviceUrl.replace(/\/$/, '')}${path}`;
    let lastStatus = 0;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (method !== 'GET') await this.pace(to.conversationId);
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${await this.options.token()}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        lastStatus = 0;
        this.options.log.warn({ err: error, url, attempt }, 'Teams connector unreachable; retrying');
        await this.sleep(backoff(attempt));
        continue;
      }
      if (response.ok) {
        const textBody = await response.text();
        return textBody ? JSON.parse(textBody) : null;
      }
      lastStatus = response.status;
      const retriable = response.status === 429 || response.status >= 500;
      await response.text().catch(() => ''); // drain it so the connection is reused
      if (!retriable)
        throw new TeamsSendError(`Teams answered ${response.status} to ${method} ${path}`, response.status);
      const wait = retryAfterMs(response.headers.get('retry-after'), backoff(attempt));
      this.options.log.warn(
        { status: response.status, wait, attempt },
        'Teams asked us to slow down; retrying',
      );
      if (attempt < this.attempts) await this.sleep(wait);
    }
    throw new TeamsSendError(
      `Teams still answered ${lastStatus || 'nothing'} after ${this.attempts} tries`,
      lastStatus,
    );
  }
}

const backoff = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 8000);
