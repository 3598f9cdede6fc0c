import type { Comment, CommentRepository } from '@heard/domain';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';

const toDomain = (row: Row): Comment => ({
  id: row.id as string,
  insightId: row.insight_id as string,
  authorId: row.author_id as string,
  body: row.body as string,
  createdAt: asDate(row.created_at),
});

/** Comments on insights, oldest first. */
export function createCommentRepository(db: Db): CommentRepository {
  return {
    async add(comment) {
      const [row] = await db`
        insert into insight_comments (insight_id, author_id, body, created_at)
        values (${comment.insightId}, ${comment.authorId}, ${comment.body}, ${comment.createdAt})
        returning *`;
      return toDomain(row!);
    },
    async listByInsight(insightId) {
      if (!isUuid(insightId)) return [];
      const rows = await db`select * from insight_comments where insight_id = ${insightId}
                            order by created_at, id`;
      return rows.map(toDomain);
    },
  };
}
