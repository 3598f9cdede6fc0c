import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The socket peer's address. Behind a load balancer that is the balancer's, so limits per
 * address then count everyone together; pass `clientAddress` to `createWebApp` to read the
 * proxy's header instead. Null when there is no socket (`app.request()` in tests).
 */
export function defaultClientAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
