import { readScopeFor } from '@heard/domain';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/similar';

/** Insights that already say much the same, shown while someone writes a new one. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const text = (new URL(request.url).searchParams.get('text') ?? '').slice(0, 2000).trim();
  if (text.length < 12) return { hits: [] };
  const hits = await context.hub.search.similar(text, readScopeFor(actor), 3);
  return { hits: hits.map((h) => ({ id: h.id, title: h.title })) };
}
