import type { AuditLog } from '@heard/domain';
import type { Db } from './db';

/** Appends audit events; rows are never updated or deleted. */
export function createAuditLog(db: Db): AuditLog {
  return {
    async record(event) {
      await db`
        insert into audit_events (actor_id, action, subject_type, subject_id, details, at)
        values (${event.actorId}, ${event.action}, ${event.subject.type}, ${event.subject.id},
                ${db.json(event.details as never)}, ${event.at})`;
    },
  };
}
