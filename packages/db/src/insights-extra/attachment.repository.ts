import type { InsightAttachmentRepository } from '@heard/domain';
import type { Db } from '../repositories/db';

/** Appends to the insight's attachment list (a JSON array on the row). */
export function createAttachmentRepository(db: Db): InsightAttachmentRepository {
  return {
    async add(insightId, attachments, at) {
      await db`update insights set attachments = attachments || ${db.json(attachments as never)}::jsonb, updated_at = ${at}
               where id = ${insightId}`;
    },
  };
}
