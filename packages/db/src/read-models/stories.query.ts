import type { HeroMedia, InsightKind, ReadScope } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';
import { readableBy } from '../repositories/feed.query';

/** A published story as the stories page shows it: what it says, about whom, for which goal. */
export interface StoryCard {
  insightId: string;
  headline: string;
  summary: string;
  pullQuote: string | null;
  heroMedia: HeroMedia | null;
  kind: InsightKind;
  insightTitle: string;
  curatorName: string;
  publishedAt: Date;
  customers: { id: string; name: string; segment: string | null }[];
  goals: { id: string; title: string }[];
}

/** Where the next page of stories starts: newest published first, ties broken by insight id. */
export interface StoryCursor {
  publishedAt: string;
  insightId: string;
}

export interface StoryPage {
  stories: StoryCard[];
  next: StoryCursor | null;
}

/** A published collection with its stories in the curator's order, as far as the reader may read them. */
export interface CollectionView {
  id: string;
  title: string;
  description: string;
  publishedAt: Date;
  stories: StoryCard[];
}

// Every story query selects the same columns, so one mapper serves them all.
const storyColumns = (db: Db) => db`
  s.insight_id, s.headline, s.summary, s.pull_quote, s.hero_media, s.published_at,
  s.published_at::text as cursor_at, i.kind, i.title as insight_title, cur.name as curator_name,
  coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'segment', c.segment) order by c.name)
            from insight_customers ic join customers c on c.id = ic.customer_id where ic.insight_id = i.id), '[]') as customers,
  coalesce((select json_agg(json_build_object('id', g.id, 'title', g.title) order by g.title)
            from insight_goals ig join goals g on g.id = ig.goal_id where ig.insight_id = i.id), '[]') as goals`;

function storyToCard(row: Row): StoryCard {
  return {
    insightId: row.insight_id as string,
    headline: row.headline as string,
    summary: row.summary as string,
    pullQuote: (row.pull_quote as string | null) ?? null,
    heroMedia: (row.hero_media as HeroMedia | null) ?? null,
    kind: row.kind as InsightKind,
    insightTitle: row.insight_title as string,
    curatorName: row.curator_name as string,
    publishedAt: asDate(row.published_at),
    customers: row.customers as StoryCard['customers'],
    goals: row.goals as StoryCard['goals'],
  };
}

/** Published stories whose insight `scope` may read, newest published first, one keyset page at a time. */
export async function listPublishedStories(
  db: Db,
  scope: ReadScope,
  options: { after?: StoryCursor | null; limit?: number } = {},
): Promise<StoryPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 12), 1), 50);
  const after = options.after;
  // Bound as text and cast in SQL, so the cursor keeps the microseconds a JavaScript Date would drop.
  const position =
    after && isUuid(after.insightId) && !Number.isNaN(Date.parse(after.publishedAt))
      ? db`and (s.published_at, s.insight_id) < (${after.publishedAt}::text::timestamptz, ${after.insightId}::uuid)`
      : db``;
  const rows = await db`
    select ${storyColumns(db)}
    from stories s
    join insights i on i.id = s.insight_id
    join people cur on cur.id = s.curator_id
    where s.status = 'published' and s.published_at is not null and ${readableBy(db, scope)} ${position}
    order by s.published_at desc, s.insight_id desc
    limit ${limit + 1}`;
  const last = rows[limit - 1];
  return {
    stories: rows.slice(0, limit).map(storyToCard),
    next:
      rows.length > limit && last
        ? { publishedAt: last.cursor_at as string, insightId: last.insight_id as string }
        : null,
  };
}

/** Published collections, newest first, each with its readable published stories in order; empty ones are left out. */
export async function listPublishedCollections(db: Db, scope: ReadScope): Promise<CollectionView[]> {
  const [collections, items] = await Promise.all([
    db`select id, title, description, published_at from collections
       where published_at is not null order by published_at desc, title`,
    db`
      select ci.collection_id, ${storyColumns(db)}
      from collection_items ci
      join collections col on col.id = ci.collection_id and col.published_at is not null
      join stories s on s.insight_id = ci.insight_id and s.status = 'published' and s.published_at is not null
      join insights i on i.id = s.insight_id
      join people cur on cur.id = s.curator_id
      where ${readableBy(db, scope)}
      order by ci.collection_id, ci.position, s.published_at desc`,
  ]);
  return collections
    .map((c) => ({
      id: c.id as string,
      title: c.title as string,
      description: c.description as string,
      publishedAt: asDate(c.published_at),
      stories: items.filter((item) => item.collection_id === c.id).map(storyToCard),
    }))
    .filter((c) => c.stories.length > 0);
}
