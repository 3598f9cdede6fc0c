import {
  addEvidence,
  type Deps,
  type FeedCursor,
  type FeedFilters,
  listFeed,
  loadReadableInsight,
  postInsight,
  recordRestrictedRead,
} from '@heard/domain';
import { Hono } from 'hono';
import type { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../app/lib/cursor';
import { ApiError } from './errors';
import { presentEvidence, presentFeedItem, presentInsight } from './presenters';
import { type ApiEnv, readJson, readQuery } from './request';
import { AddEvidenceBodySchema, ListInsightsQuerySchema, PostInsightBodySchema } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The feed ignores a cursor it cannot read and starts over; a client paging through would then
// loop forever, so the API refuses one instead.
function cursorFrom(token: string | undefined): FeedCursor | null {
  if (token === undefined) return null;
  const cursor = decodeCursor(token);
  if (!cursor || !UUID.test(cursor.id) || Number.isNaN(Date.parse(cursor.createdAt))) {
    throw new ApiError(400, 'REQUEST.INVALID', 'The request query does not match the schema; see fields.', {
      after: 'Not a cursor of this API: pass the `next` of the previous page as it was given.',
    });
  }
  return cursor;
}

function filtersFrom(query: z.output<typeof ListInsightsQuerySchema>): FeedFilters {
  const filters: FeedFilters = {
    kind: query.kind,
    source: query.source,
    sentiment: query.sentiment,
    triage: query.triage,
    goalId: query.goal,
    teamId: query.team,
    customerId: query.customer,
    // Tags are stored normalised; compare the way the web feed does.
    tag: query.tag?.trim().toLowerCase() || undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as FeedFilters;
}

/** `/insights`: the feed, one insight, posting, and evidence; each calls the same use case as the hub. */
export function insightRoutes(deps: Deps) {
  const app = new Hono<ApiEnv>();

  app.get('/', async (c) => {
    const query = readQuery(c, ListInsightsQuerySchema);
    const page = await listFeed(deps, {
      actor: c.get('actor'),
      filters: filtersFrom(query),
      after: cursorFrom(query.after),
      limit: query.limit,
    });
    return c.json({ items: page.items.map(presentFeedItem), next: page.next && encodeCursor(page.next) });
  });

  app.post('/', async (c) => {
    const body = await readJson(c, PostInsightBodySchema);
    const { insight, created } = await postInsight(deps, {
      ...body,
      actor: c.get('actor'),
      source: { kind: 'api', url: body.source?.url ?? null, externalId: body.source?.externalId ?? null },
    });
    // A retry of the same externalId gets the first insight back with 200, so retrying is always safe.
    if (!created) return c.json(await presentInsight(deps, insight), 200);
    c.header('Location', `/api/v1/insights/${insight.id}`);
    return c.json(await presentInsight(deps, insight), 201);
  });

  app.get('/:id', async (c) => {
    const insight = await loadReadableInsight(deps, c.get('actor'), c.req.param('id'));
    await recordRestrictedRead(deps.audit, c.get('actor'), insight, deps.clock.now(), 'api');
    return c.json(await presentInsight(deps, insight));
  });

  app.post('/:id/evidence', async (c) => {
    const body = await readJson(c, AddEvidenceBodySchema);
    const evidence = await addEvidence(deps, {
      ...body,
      actor: c.get('actor'),
      insightId: c.req.param('id'),
    });
    return c.json(presentEvidence(evidence), 201);
  });

  return app;
}
