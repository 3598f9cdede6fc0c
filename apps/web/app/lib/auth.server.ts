import type { Person } from '@heard/domain';
import { type AppLoadContext, redirect } from 'react-router';

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export function requireActor(context: AppLoadContext, request: Request): Person {
  const actor = context.hub.actor;
  if (actor) return actor;
  const url = new URL(request.url);
  const next = url.pathname + url.search;
  throw redirect(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
}
