/** Append-only record of who read, changed, exported or erased what, and when. */
export interface AuditEvent {
  id: string;
  actorId: string | null;
  action: string;
  subject: { type: string; id: string };
  details: Record<string, unknown>;
  at: Date;
}

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

export interface AuditLog {
  record(event: NewAuditEvent): Promise<void>;
}
