import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLIENT_DIR = fileURLToPath(new URL('../build/client', import.meta.url));
export const SERVER_BUILD = fileURLToPath(new URL('../build/server/index.js', import.meta.url));

/** Hashed assets are immutable and cached for a year; other public files for an hour. */
export function serveClientFiles(app: Hono): void {
  app.use(
    '/assets/*',
    serveStatic({
      root: CLIENT_DIR,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use(
    '/favicon.svg',
    serveStatic({
      root: CLIENT_DIR,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=3600'),
    }),
  );
}
