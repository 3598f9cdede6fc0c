import type { Insight } from '../insights/insight';
import type { Person } from '../people/person';
import type { AuditLog } from './audit-event';

/**
 * Notes that someone opened an insight only some people may read (not its own reporter), from
 * whichever surface showed it: the hub's page, the REST API, a chat answer.
 */
export async function recordRestrictedRead(
  audit: AuditLog,
  reader: Pick<Person, 'id'>,
  insight: Pick<Insight, 'id' | 'reporterId' | 'visibility'>,
  at: Date,
  via: 'web' | 'api' | 'slack' | 'teams',
): Promise<boolean> {
  if (insight.visibility.scope === 'everyone' || insight.reporterId === reader.id) return false;
  await audit.record({
    actorId: reader.id,
    action: 'insight.read',
    subject: { type: 'insight', id: insight.id },
    details: { visibility: insight.visibility.scope, via },
    at,
  });
  return true;
}
