import { type FeedItem, listFeed, type Person } from '@heard/domain';
import type { AppLoadContext } from 'react-router';
import type { InsightCardData } from '../components/insight-card';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { filtersFromSearchParams, sortFromSearchParams } from '../lib/feed-filters';
import { renderMarkdown } from '../lib/markdown.server';
import { listViews, viewQuery } from './saved-views.server';

/** Feed items as cards: markdown rendered and sanitised here, dates as strings for the wire. */
export function toCard(item: FeedItem): InsightCardData {
  return {
    id: item.id,
    title: item.title,
    html: renderMarkdown(item.body),
    kind: item.kind,
    sentiment: item.sentiment,
    source: item.source,
    reporter: item.reporter,
    customers: item.customers,
    goals: item.goals,
    tags: item.tags,
    visibility: item.visibility,
    hasStory: item.hasStory,
    evidenceCount: item.evidenceCount,
    reactionCount: item.reactionCount,
    createdAt: item.createdAt.toISOString(),
  };
}

export async function loadFeed(context: AppLoadContext, actor: Person, url: URL) {
  const filters = filtersFromSearchParams(url.searchParams);
  const sort = sortFromSearchParams(url.searchParams);
  const pageNumber = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  const [page, goals, teams, segments, views] = await Promise.all([
    listFeed(context.hub.deps, {
      actor,
      filters,
      sort,
      page: pageNumber,
      after: decodeCursor(url.searchParams.get('after')),
    }),
    context.hub.lookups.activeGoals(),
    context.hub.lookups.teams(),
    context.hub.lookups.segments(),
    listViews(context, actor),
  ]);
  const nextParams = new URLSearchParams(url.searchParams);
  if (page.next) nextParams.set('after', encodeCursor(page.next));
  else nextParams.set('page', String(pageNumber + 1));
  return {
    views,
    viewQuery: viewQuery(url.search),
    items: page.items.map(toCard),
    nextHref: page.hasMore ? `/?${nextParams}` : null,
    isFirstPage: !url.searchParams.has('after') && pageNumber === 1,
    filters: {
      ...filters,
      from: url.searchParams.get('from') ?? undefined,
      to: url.searchParams.get('to') ?? undefined,
    },
    sort,
    goals: goals.map((g) => ({ id: g.id, title: g.title })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    segments,
    now: new Date().toISOString(),
  };
}
