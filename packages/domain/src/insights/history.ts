import type { AuditEvent } from '../audit/audit-event';

/** Reads back what the audit log recorded about one insight, oldest first. */
export interface InsightHistoryReader {
  listForInsight(insightId: string): Promise<AuditEvent[]>;
}

/** One line of an insight's history: who did what, when. */
export interface HistoryEntry {
  at: Date;
  actorId: string | null;
  action: string;
  /** What changed, in words, without names (the page adds the actor's name). */
  summary: string;
  /** Another insight the entry is about (a merge), for a link. */
  relatedInsightId: string | null;
}

const FIELD_LABEL: Record<string, string> = {
  title: 'title',
  body: 'text',
  kind: 'kind',
  sentiment: 'sentiment',
  tags: 'tags',
  customerIds: 'customers',
  visibility: 'visibility',
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Puts an audit event about an insight into words a reader understands. */
export function describeInsightEvent(
  event: AuditEvent,
  goalTitles: ReadonlyMap<string, string>,
): HistoryEntry {
  const d = event.details;
  const entry = (summary: string, relatedInsightId: string | null = null): HistoryEntry => ({
    at: event.at,
    actorId: event.actorId,
    action: event.action,
    summary,
    relatedInsightId,
  });
  switch (event.action) {
    case 'insight.posted':
      return entry('posted it');
    case 'insight.edited': {
      const fields = Array.isArray(d.fields) ? d.fields.map((f) => FIELD_LABEL[String(f)] ?? String(f)) : [];
      return entry(fields.length > 0 ? `edited the ${fields.join(', ')}` : 'edited it');
    }
    case 'insight.triaged':
      return entry(`set triage to ${str(d.state) ?? 'a new state'}`);
    case 'insight.evidence_added':
      return entry('added a customer as evidence');
    case 'insight.linked_to_goal': {
      const title = goalTitles.get(str(d.goalId) ?? '') ?? 'a goal';
      const why = str(d.rationale);
      return entry(`linked it to "${title}"${why ? ` — ${why}` : ''}`);
    }
    case 'story.published':
      return entry('published it as a customer story');
    case 'story.drafted':
      return entry('drafted a customer story from it');
    case 'insight.commented':
      return entry('commented');
    case 'insight.merged_into':
      return entry('merged it into another insight', str(d.survivorId));
    case 'insight.absorbed':
      return entry('merged a duplicate into it', str(d.duplicateId));
    case 'insight.merge_undone':
      return entry('undid a merge', str(d.otherId));
    default:
      return entry(event.action.replace(/^insight\./, '').replace(/_/g, ' '));
  }
}
