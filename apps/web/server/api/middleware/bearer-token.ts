import type { ApiTokenStore } from '@heard/db';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';
import type { ApiEnv } from '../request';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Resolves `Authorization: Bearer <token>` to the token's person, who then acts in every handler,
 * so visibility and policies apply exactly as for them. Cookies are never read here: that is
 * why the API can skip the CSRF check the hub's forms need.
 */
export function bearerToken(tokens: Pick<ApiTokenStore, 'personForToken'>) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const secret = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!secret) {
      throw new ApiError(
        401,
        'AUTH.TOKEN_MISSING',
        'Send an API token as "Authorization: Bearer <token>"; create one under Settings in the hub.',
      );
    }
    const actor = await tokens.personForToken(secret);
    if (!actor) {
      throw new ApiError(
        401,
        'AUTH.TOKEN_INVALID',
        'That API token is unknown or revoked; create a new one under Settings in the hub.',
      );
    }
    c.set('actor', actor);
    await next();
  });
}
