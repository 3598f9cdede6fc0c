import { Form, Link } from 'react-router';
import { GovernanceNav, governanceLinks } from '../components/governance-nav';
import type { Route } from './+types/admin-audit';
import { parseAuditSearch, requireAdmin } from './admin-audit.server';

const PAGE = 100;

export async function loader({ request, context }: Route.LoaderArgs) {
  requireAdmin(context, request);
  const url = new URL(request.url);
  const { form, errors, search } = parseAuditSearch(url);
  const [rows, actions] = await Promise.all([
    Object.keys(errors).length ? [] : context.hub.governance.searchAudit({ ...search, limit: PAGE + 1 }),
    context.hub.governance.auditActions(),
  ]);
  const params = new URLSearchParams(url.search);
  params.delete('before');
  return {
    form,
    errors,
    actions,
    exportQuery: params.toString(),
    events: rows
      .slice(0, PAGE)
      .map((r) => ({ ...r, at: r.at.toISOString(), details: JSON.stringify(r.details) })),
    older: rows.length > PAGE ? rows[PAGE - 1]!.id : null,
  };
}

export const links: Route.LinksFunction = governanceLinks;
export const meta: Route.MetaFunction = () => [{ title: 'Audit log · Heard' }];

export default function AdminAudit({ loaderData }: Route.ComponentProps) {
  const { form, errors, actions, events, older, exportQuery } = loaderData;
  const olderQuery = new URLSearchParams(exportQuery);
  if (older) olderQuery.set('before', older);
  return (
    <section className="panel stack governance-wide">
      <GovernanceNav />
      <h1>Audit log</h1>
      <p className="muted">
        Who read restricted insights, who changed, merged, exported or erased what, every sign-in and role
        change. Events are append-only: the database refuses to change or delete them.
      </p>
      <Form method="get" className="governance-filters" role="search">
        <label>
          Words
          <input name="q" defaultValue={form.q ?? ''} placeholder="person, action, subject" />
        </label>
        <label>
          Action
          <select name="action" defaultValue={form.action ?? ''}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Subject id
          <input name="subject" defaultValue={form.subject ?? ''} />
        </label>
        <label>
          From
          <input name="from" type="date" defaultValue={form.from ?? ''} aria-invalid={Boolean(errors.from)} />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={form.to ?? ''} aria-invalid={Boolean(errors.to)} />
        </label>
        <button type="submit" className="button">
          Search
        </button>
        <a className="button" href={`/admin/audit.csv${exportQuery ? `?${exportQuery}` : ''}`} download>
          Export CSV
        </a>
      </Form>
      {Object.values(errors).map((e) => (
        <p key={e} className="field-error" role="alert">
          {e}
        </p>
      ))}
      <div className="table-scroll">
        <table className="governance-table">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>Action</th>
              <th>Subject</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actorName ?? (e.actorId ? 'a removed person' : 'Heard (system)')}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.subjectType === 'insight' ? (
                    <Link to={`/insights/${e.subjectId}`}>insight</Link>
                  ) : (
                    e.subjectType
                  )}{' '}
                  <code>{e.subjectId}</code>
                </td>
                <td>
                  <code>{e.details === '{}' ? '' : e.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length === 0 && <p className="muted">No events match.</p>}
      {older && <Link to={`/admin/audit?${olderQuery.toString()}`}>Older events →</Link>}
    </section>
  );
}
