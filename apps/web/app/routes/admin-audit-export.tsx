import type { Route } from './+types/admin-audit-export';
import { auditEventsToCsv, parseAuditSearch, requireAdmin } from './admin-audit.server';

/** The audit events matching the search, as a CSV download; the export itself is audited. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireAdmin(context, request);
  const { search, errors } = parseAuditSearch(new URL(request.url));
  if (Object.keys(errors).length) return new Response(Object.values(errors).join(' '), { status: 400 });
  const rows = await context.hub.governance.searchAudit({ ...search, limit: 100_000 });
  await context.hub.deps.audit.record({
    actorId: actor.id,
    action: 'audit.exported',
    subject: { type: 'audit_log', id: 'csv' },
    details: { rows: rows.length, filters: { ...search } },
    at: context.hub.deps.clock.now(),
  });
  return new Response(auditEventsToCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="heard-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
