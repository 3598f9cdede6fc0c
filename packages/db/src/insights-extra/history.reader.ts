import type { AuditEvent, InsightHistoryReader } from '@heard/domain';
import { asDate, type Db, isUuid } from '../repositories/db';

/** Reads an insight's entries back from the audit log. */
export function createInsightHistoryReader(db: Db): InsightHistoryReader {
  return {
    async listForInsight(insightId) {
      if (!isUuid(insightId)) return [];
      const rows = await db`
        select id, actor_id, action, subject_type, subject_id, details, at from audit_events
        where subject_type = 'insight' and subject_id = ${insightId}
        order by at, id
        limit 500`;
      return rows.map(
        (row): AuditEvent => ({
          id: String(row.id),
          actorId: (row.actor_id as string | null) ?? null,
          action: row.action as string,
          subject: { type: row.subject_type as string, id: row.subject_id as string },
          details: (row.details as Record<string, unknown>) ?? {},
          at: asDate(row.at),
        }),
      );
    },
  };
}
