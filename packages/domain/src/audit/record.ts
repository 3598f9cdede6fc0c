import type { AuditLog } from './audit-event';

/** Shorthand used by every use case so audit entries share one shape. */
export function recordAudit(
  audit: AuditLog,
  actorId: string | null,
  action: string,
  subject: { type: string; id: string },
  at: Date,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit.record({ actorId, action, subject, details, at });
}
