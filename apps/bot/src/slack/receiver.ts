import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { verifySlackRequest } from '@slack/bolt';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { createLimit, receiptKey } from './idempotency';

export interface HonoReceiverOptions {
  signingSecret: string;
  log: Logger;
  /** Defaults to `/slack/events`: events, commands, interactivity and options share it. */
  path?: string;
}

type Body = Record<string, unknown>;

/**
 * Bolt inside Hono: the raw body is verified (signature, 5-minute timestamp window) before
 * anything else, parsed, de-duplicated, handed to Bolt, and answered the moment a listener
 * calls `ack()`; the listener's remaining work continues after the response has gone.
 */
export class HonoReceiver implements Receiver {
  private app: App | undefined;
  /** Deliveries already answered are processed a few at a time, so new requests keep the CPU they need. */
  private readonly background = createLimit(8);
  constructor(private readonly options: HonoReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Adds the route to the bot's Hono app. */
  mount = (hono: Hono): void => {
    hono.post(this.options.path ?? '/slack/events', async (c) => {
      const { log } = this.options;
      const raw = await c.req.text();
      try {
        verifySlackRequest({
          signingSecret: this.options.signingSecret,
          body: raw,
          headers: {
            'x-slack-signature': c.req.header('x-slack-signature') ?? '',
            'x-slack-request-timestamp': Number(c.req.header('x-slack-request-timestamp')),
          },
        });
      } catch (error) {
        log.warn(
          { reason: (error as Error).message, ip: c.req.header('x-forwarded-for') },
          'Slack request refused',
        );
        return c.text('The request signature or timestamp is not valid.', 401);
      }
      const body = parseBody(raw, c.req.header('content-type') ?? '');
      if (!body) {
        log.warn('Slack request with a body that is neither JSON nor a form');
        return c.text('The body is neither JSON nor a form.', 400);
      }
      if (body.type === 'url_verification') return c.json({ challenge: body.challenge });
      if (body.ssl_check) return c.body(null, 200);
      const retryNum = c.req.header('x-slack-retry-num');
      const retryReason = c.req.header('x-slack-retry-reason');
      if (receiptKey(body)) {
        // Events, commands, shortcuts and buttons expect an empty 200: it is sent now, before Bolt
        // runs anything, and their listeners' acks become no-ops.
        void this.background(() => this.dispatch(body, retryNum, retryReason));
        return c.body(null, 200);
      }
      return this.dispatch(body, retryNum, retryReason);
    });
  };

  private dispatch(body: Body, retryNum?: string, retryReason?: string): Promise<Response> {
    const app = this.app;
    if (!app) throw new Error('HonoReceiver used before Bolt initialised it.');
    return new Promise<Response>((resolve) => {
      let answered = false;
      const answer = (response: Response) => {
        if (!answered) {
          answered = true;
          resolve(response);
        }
      };
      const event: ReceiverEvent = {
        body,
        retryNum: retryNum === undefined ? undefined : Number(retryNum),
        retryReason,
        ack: async (response?: unknown) => answer(ackResponse(response)),
      };
      app
        .processEvent(event)
        .then(() => answer(new Response(null, { status: 200 })))
        .catch((error: unknown) => {
          this.options.log.error({ err: error, type: body.type }, 'Slack listener failed');
          answer(new Response(null, { status: 500 }));
        });
    });
  }
}

function ackResponse(response: unknown): Response {
  if (response === undefined || response === null || response === '')
    return new Response(null, { status: 200 });
  if (typeof response === 'string') return new Response(response, { status: 200 });
  return Response.json(response);
}

/** JSON (events), a form (commands), or a form carrying `payload` JSON (interactivity). */
export function parseBody(raw: string, contentType: string): Body | null {
  try {
    if (contentType.includes('application/json')) {
      const parsed = JSON.parse(raw);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
    }
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      if (typeof form.payload === 'string') {
        const parsed = JSON.parse(form.payload);
        return parsed && typeof parsed === 'object' ? parsed : null;
      }
      return Object.keys(form).length > 0 ? form : null;
    }
  } catch {
    return null;
  }
  return null;
}
