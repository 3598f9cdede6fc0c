import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Serves an app on a free loopback port; returns its base URL and a way to stop it. */
export function serveOnFreePort(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
