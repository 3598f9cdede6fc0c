import type { ApiTokenStore } from '@heard/db';
import type { Deps } from '@heard/domain';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { ApiError, errorBody, toErrorResponse } from './errors';
import { goalRoutes } from './goals';
import { insightRoutes } from './insights';
import { bearerToken } from './middleware/bearer-token';
import { openApiDocument } from './openapi';
import type { ApiEnv } from './request';

export interface ApiOptions {
  deps: Deps;
  /** Resolves a bearer token to the person it acts as. */
  tokens: Pick<ApiTokenStore, 'personForToken'>;
  log: Logger;
}

// An insight is at most 20,000 characters; a megabyte leaves room for everything else and no more.
const MAX_BODY_BYTES = 1024 * 1024;

/** The REST API, mounted at /api/v1 by createWebApp; its document lives at /api/v1/openapi.json. */
export function createApi({ deps, tokens, log }: ApiOptions) {
  const api = new Hono<ApiEnv>();
  api.onError((error, c) => toErrorResponse(error, log, c.req.path));

  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('REQUEST.TOO_LARGE', 'The request body is over 1 MB.'), 413),
    }),
  );
  api.use('*', bearerToken(tokens));
  api.route('/insights', insightRoutes(deps));
  api.route('/goals', goalRoutes(deps));
  // Anything else under /api/v1 is answered here, as JSON, rather than by the hub's HTML pages.
  api.all('*', () => {
    throw new ApiError(404, 'API.NOT_FOUND', 'No such endpoint; the endpoints are in /api/v1/openapi.json.');
  });
  return api;
}
