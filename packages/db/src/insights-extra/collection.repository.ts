import type { Collection, CollectionRepository } from '@heard/domain';
import { asDate, type Db, isUuid } from '../repositories/db';

/** Collections of stories with their curator's order. */
export function createCollectionRepository(db: Db): CollectionRepository {
  return {
    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db`
        select c.*, coalesce((select array_agg(ci.insight_id order by ci.position, ci.insight_id)
                              from collection_items ci where ci.collection_id = c.id), '{}') as insight_ids
        from collections c where c.id = ${id}`;
      if (!row) return null;
      return {
        id: row.id as string,
        title: row.title as string,
        description: row.description as string,
        insightIds: row.insight_ids as string[],
        curatorId: row.curator_id as string,
        publishedAt: row.published_at ? asDate(row.published_at) : null,
        createdAt: asDate(row.created_at),
      } satisfies Collection;
    },
    async setOrder(id, insightIds) {
      await db`
        update collection_items ci set position = o.position
        from unnest(${insightIds as string[]}::uuid[]) with ordinality as o(insight_id, position)
        where ci.collection_id = ${id} and ci.insight_id = o.insight_id`;
    },
  };
}
