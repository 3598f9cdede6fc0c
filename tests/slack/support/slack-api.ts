// The Slack Web API and response_url endpoints, answered by msw: every call is recorded with
// its arguments decoded (Block Kit included) so tests assert what Heard sent.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

export interface SlackMessage {
  ts: string;
  text: string;
  user?: string;
}

type Override = { status: number; headers?: Record<string, string>; body?: unknown };

/** A workspace as the fake Slack knows it: users by email, messages by channel. */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly responses: SlackCall[] = [];
  /** Slack user id → email on their profile. */
  readonly users = new Map<string, string>();
  /** Slack user id → time zone on their profile (`users.info`'s `tz`). */
  readonly timeZones = new Map<string, string>();
  readonly messages = new Map<string, SlackMessage[]>();
  /** Where apps.connections.open sends Socket Mode clients. */
  socketUrl = '';
  private readonly overrides = new Map<string, Override[]>();
  private ts = 1_700_000_000;
  private readonly server: ReturnType<typeof setupServer>;

  constructor() {
    this.server = setupServer(
      http.post('https://slack.com/api/:method', async ({ request, params }) => {
        const method = String(params.method);
        const args = decode(await request.text(), request.headers.get('content-type') ?? '');
        this.calls.push({ method, args });
        const override = this.overrides.get(method)?.shift();
        if (override) {
          return HttpResponse.json(override.body ?? { ok: false, error: 'fake_failure' }, {
            status: override.status,
            headers: override.headers,
          });
        }
        return HttpResponse.json(this.answer(method, args));
      }),
      http.post('https://hooks.slack.com/*', async ({ request }) => {
        this.responses.push({
          method: new URL(request.url).pathname,
          args: (await request.json()) as Record<string, unknown>,
        });
        return HttpResponse.text('ok');
      }),
    );
  }

  listen(): void {
    this.server.listen({ onUnhandledRequest: 'error' });
  }
  close(): void {
    this.server.close();
  }

  /** Makes the next calls of `method` fail with these responses, in order. */
  failNext(method: string, ...responses: Override[]): void {
    this.overrides.set(method, [...(this.overrides.get(method) ?? []), ...responses]);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Forgets what was called, keeping users and messages. */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.overrides.clear();
  }

  /** Polls until `method` has been called `count` times (jobs run on their own schedule). */
  async waitFor(method: string, count = 1): Promise<SlackCall[]> {
    for (let i = 0; i < 300 && this.callsTo(method).length < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const calls = this.callsTo(method);
    if (calls.length < count) {
      throw new Error(
        `Slack's ${method} was called ${calls.length} times, expected ${count}; calls: ${this.calls.map((c) => c.method).join(', ')}`,
      );
    }
    return calls;
  }

  nextTs(): string {
    this.ts += 1;
    return `${this.ts}.000100`;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'users.info': {
        const email = this.users.get(String(args.user));
        const tz = this.timeZones.get(String(args.user));
        return email
          ? { ok: true, user: { id: args.user, ...(tz ? { tz } : {}), profile: { email } } }
          : { ok: true, user: { id: args.user, ...(tz ? { tz } : {}), profile: {} } };
      }
      case 'users.lookupByEmail': {
        const found = [...this.users].find(([, email]) => email === args.email);
        return found ? { ok: true, user: { id: found[0] } } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'conversations.history': {
        const messages = (this.messages.get(String(args.channel)) ?? []).filter((m) => m.ts === args.latest);
        return { ok: true, messages };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: this.nextTs(), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://acme.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.nextTs()}` } };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'no_socket' };
      case 'auth.test':
        return { ok: true, user_id: 'UHEARD', bot_id: 'BHEARD' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** @slack/web-api sends forms whose nested values (blocks, views) are JSON strings. */
function decode(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

/** Every piece of text in a Block Kit structure, joined, for assertions about what people read. */
export function textOf(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'initial_value') && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(blocks);
  return out.join('\n');
}
