import { asDate, type Db, isUuid } from '../repositories/db';

export interface AuditSearch {
  /** Words matched against the action, the subject and the actor's name or email. */
  text?: string;
  action?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Events with a smaller id (older), for paging. */
  before?: string;
  limit?: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

/** Audit events matching a search, newest first; admins only (the caller checks). */
export async function searchAuditEvents(db: Db, search: AuditSearch): Promise<AuditRow[]> {
  const limit = Math.min(Math.max(search.limit ?? 100, 1), 100_000);
  const like = search.text?.trim() ? `%${search.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db`
    select e.id, e.at, e.actor_id, p.name as actor_name, e.action, e.subject_type, e.subject_id, e.details
    from audit_events e left join people p on p.id = e.actor_id
    where true
      ${search.action ? db`and e.action = ${search.action}` : db``}
      ${search.actorId && isUuid(search.actorId) ? db`and e.actor_id = ${search.actorId}` : db``}
      ${search.subjectType ? db`and e.subject_type = ${search.subjectType}` : db``}
      ${search.subjectId ? db`and e.subject_id = ${search.subjectId}` : db``}
      ${search.from ? db`and e.at >= ${search.from}` : db``}
      ${search.to ? db`and e.at < ${search.to}` : db``}
      ${search.before && /^\d+$/.test(search.before) ? db`and e.id < ${search.before}` : db``}
      ${
        like
          ? db`and (e.action ilike ${like} or e.subject_type ilike ${like} or e.subject_id ilike ${like}
                    or p.name ilike ${like} or p.email::text ilike ${like})`
          : db``
      }
    order by e.id desc
    limit ${limit}`;
  return rows.map((r) => ({
    id: String(r.id),
    at: asDate(r.at),
    actorId: (r.actor_id as string | null) ?? null,
    actorName: (r.actor_name as string | null) ?? null,
    action: r.action as string,
    subjectType: r.subject_type as string,
    subjectId: r.subject_id as string,
    details: (r.details as Record<string, unknown>) ?? {},
  }));
}

/** Distinct actions recorded so far, for the search form's list. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db`select distinct action from audit_events order by action`;
  return rows.map((r) => r.action as string);
}

const csvCell = (value: string): string => {
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula; a quote disarms it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The events as CSV (RFC 4180), one row each, details as JSON. */
export function auditEventsToCsv(rows: readonly AuditRow[]): string {
  const header = ['id', 'at', 'actor_id', 'actor_name', 'action', 'subject_type', 'subject_id', 'details'];
  const lines = rows.map((r) =>
    [
      r.id,
      r.at.toISOString(),
      r.actorId ?? '',
      r.actorName ?? '',
      r.action,
      r.subjectType,
      r.subjectId,
      JSON.stringify(r.details),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
