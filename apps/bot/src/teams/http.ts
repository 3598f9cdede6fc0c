import { createHash } from 'node:crypto';
import {
  type ActivityHandler,
  type Request as AgentsRequest,
  type AuthConfiguration,
  CloudAdapter,
  type WebResponse,
} from '@microsoft/agents-hosting';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { TeamsSettings } from './settings';

/** Bot Framework tokens carry this issuer; Entra-issued ones name a tenant instead. */
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** The Agents SDK's adapter with Heard's settings: always an app id, issuer checked, service URL checked. */
export function createTeamsAdapter(settings: TeamsSettings, log: Logger): CloudAdapter {
  const auth: AuthConfiguration = {
    clientId: settings.appId,
    clientSecret: settings.appPassword,
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    validateIssuer: true,
  };
  const adapter = new CloudAdapter(auth, undefined, undefined, { validateServiceUrl: true });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, activityType: context.activity.type }, 'Teams activity failed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, Heard could not do that just now. Please try again in a minute.');
    }
  };
  return adapter;
}

/** A response the SDK writes into (its Express-shaped interface), turned into a fetch Response. */
class CollectedResponse implements WebResponse {
  code = 200;
  body: unknown;
  headers = new Headers();
  headersSent = false;
  writableEnded = false;
  status(code: number) {
    this.code = code;
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers.set(name, value);
    return this;
  }
  send(body?: unknown) {
    this.body = body;
    return this;
  }
  end() {
    this.writableEnded = true;
    return this;
  }
  toResponse(): Response {
    if (this.body === undefined || this.body === null) return new Response(null, { status: this.code });
    const text = typeof this.body === 'string' ? this.body : JSON.stringify(this.body);
    if (!this.headers.has('content-type')) this.headers.set('content-type', 'application/json');
    return new Response(text, { status: this.code, headers: this.headers });
  }
}

/**
 * A Bot Framework token names the connector that sent it; an activity claiming another
 * `serviceUrl` would make us send replies (with our token) wherever the caller likes.
 */
function serviceUrlMatches(claims: Record<string, unknown>, activity: Record<string, unknown>): boolean {
  const claimed = claims.serviceurl;
  if (typeof claimed !== 'string') return claims.iss !== BOT_FRAMEWORK_ISSUER;
  try {
    return new URL(claimed).host.toLowerCase() === new URL(String(activity.serviceUrl)).host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Tokens already verified, by their SHA-256, until they expire. Teams sends the same token with
 * every activity for up to an hour; checking its RS256 signature again (a public key object
 * built from the JWKS PEM each time) was the largest cost of an invoke after the database.
 * A hit is the very token whose signature, issuer, audience and expiry were checked; it is
 * dropped at its `exp`, and anything not in the cache goes through the SDK's full check.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, { claims: Record<string, unknown>; expiresAt: number }>();
  constructor(
    private readonly max = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(authorization: string | undefined): string | null {
    if (!authorization?.startsWith('Bearer ')) return null;
    return createHash('sha256').update(authorization).digest('base64url');
  }

  get(authorization: string | undefined): Record<string, unknown> | null {
    const key = this.key(authorization);
    const hit = key ? this.tokens.get(key) : undefined;
    if (!hit) return null;
    if (hit.expiresAt <= this.now()) {
      this.tokens.delete(key!);
      return null;
    }
    return hit.claims;
  }

  remember(authorization: string | undefined, claims: Record<string, unknown>): void {
    const key = this.key(authorization);
    if (!key || typeof claims.exp !== 'number') return;
    if (this.tokens.size >= this.max) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(key, { claims, expiresAt: claims.exp * 1000 });
  }
}

/** `POST /api/messages`: every request is authenticated before anything else, then handed to the bot. */
export function mountMessagesRoute(adapter: CloudAdapter, bot: ActivityHandler, log: Logger) {
  const verified = new VerifiedTokens();
  return (app: Hono) => {
    app.post(
      '/api/messages',
      // Teams activities are small; a card submit with a long message is well under this.
      bodyLimit({ maxSize: 512 * 1024, onError: (c) => c.json({ error: 'Request body too large.' }, 413) }),
      async (c) => {
        const response = new CollectedResponse();
        const request: AgentsRequest = {
          method: 'POST',
          headers: { authorization: c.req.header('authorization') },
        };
        const known = verified.get(request.headers.authorization as string | undefined);
        if (known) request.user = known as AgentsRequest['user'];
        else {
          let authorised = false;
          await adapter.authorizeRequest(request, response, () => {
            authorised = true;
          });
          if (!authorised) return response.toResponse();
          verified.remember(request.headers.authorization as string | undefined, request.user ?? {});
        }
        const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
        if (!body || typeof body !== 'object') return c.json({ error: 'The body must be an activity.' }, 400);
        if (!serviceUrlMatches(request.user ?? {}, body)) {
          log.warn(
            { serviceUrl: body.serviceUrl },
            'Teams activity refused: serviceUrl does not match its token',
          );
          return c.json({ error: 'The activity serviceUrl does not match the token.' }, 401);
        }
        request.body = body;
        try {
          await adapter.process(request, response, (context) => bot.run(context));
        } catch (error) {
          // The SDK parses the activity with zod and throws on a malformed one.
          if ((error as Error)?.name === 'ZodError')
            return c.json({ error: 'The activity is not valid Bot Framework JSON.' }, 400);
          log.error({ err: error, activityType: body.type }, 'Teams activity could not be processed');
          return c.json({ error: 'Heard could not process this activity.' }, 500);
        }
        return response.toResponse();
      },
    );
  };
}
