import { data, Form, Link, useNavigation } from 'react-router';
import { GovernanceNav, governanceLinks } from '../components/governance-nav';
import type { Route } from './+types/admin-erasure';
import { requireAdmin } from './admin-audit.server';
import { isErasureRefused, resolveCustomer, uploadedFiles } from './admin-erasure.server';

const summary = (c: {
  id: string;
  name: string;
  kind: string;
  identifiers: { system: string; value: string }[];
}) => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  identifiers: c.identifiers.map((i) => `${i.system}:${i.value}`),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  requireAdmin(context, request);
  const identifier = new URL(request.url).searchParams.get('identifier')?.trim() ?? '';
  const found = identifier ? await resolveCustomer(context.hub.governance, identifier) : null;
  const recent = await context.hub.governance.searchAudit({ text: 'customer.', limit: 20 });
  return {
    identifier,
    customer: found?.ok ? summary(found.customer) : null,
    error: found && !found.ok ? found.error : null,
    matches: found && !found.ok ? found.matches.map(summary) : [],
    recent: recent
      .filter((r) => r.action === 'customer.erased' || r.action === 'customer.exported')
      .map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        action: r.action,
        by: r.actorName,
        customerId: r.subjectId,
      })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireAdmin(context, request);
  const form = await request.formData();
  const customerId = String(form.get('customerId') ?? '');
  if (form.get('confirm') !== 'on')
    return data(
      { report: null, error: 'Tick the box to confirm: an erasure cannot be undone.' },
      { status: 422 },
    );
  const found = await resolveCustomer(context.hub.governance, '', customerId);
  if (!found.ok) return data({ report: null, error: found.error }, { status: 404 });
  try {
    const report = await context.hub.governance.eraseCustomer(
      found.customer,
      actor.id,
      uploadedFiles(context.hub.uploadsDir),
    );
    return { report, error: null };
  } catch (error) {
    if (isErasureRefused(error)) return data({ report: null, error: error.message }, { status: 409 });
    throw error;
  }
}

export const links: Route.LinksFunction = governanceLinks;
export const meta: Route.MetaFunction = () => [{ title: 'Export and erasure · Heard' }];

export default function AdminErasure({ loaderData, actionData }: Route.ComponentProps) {
  const { identifier, customer, error, matches, recent } = loaderData;
  const busy = useNavigation().state !== 'idle';
  const report = actionData?.report;
  return (
    <section className="panel stack">
      <GovernanceNav />
      <h1>Export and erasure</h1>
      <p className="muted">
        Answer a customer’s request to see, or to erase, what Heard holds about them. Find them by any
        identifier (an email, a phone number, <code>crm:981</code>) or their customer id.
      </p>
      <Form method="get" className="governance-filters" role="search">
        <label>
          Customer identifier
          <input name="identifier" defaultValue={identifier} required />
        </label>
        <button type="submit" className="button">
          Find
        </button>
      </Form>
      {error && !report && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {actionData?.error && (
        <p className="field-error" role="alert">
          {actionData.error}
        </p>
      )}
      {matches.length > 0 && (
        <ul>
          {matches.map((m) => (
            <li key={m.id}>
              <Link to={`/admin/erasure?identifier=${m.id}`}>{m.name}</Link>{' '}
              <span className="muted">{m.identifiers.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {customer && !report && (
        <div className="stack">
          <h2>
            {customer.name} <span className="muted">({customer.kind})</span>
          </h2>
          <p>Identifiers: {customer.identifiers.join(', ') || 'none'}</p>
          <p>
            <a className="button" href={`/admin/erasure/export?customer=${customer.id}`} download>
              Export everything (zip: JSON and attachments)
            </a>
          </p>
          <Form method="post" className="danger-zone stack">
            <input type="hidden" name="customerId" value={customer.id} />
            <strong>Erase this customer</strong>
            <span className="muted">
              Removes their record and identifiers, anonymises the insights about them (the learning stays),
              removes attachments, search entries and archived digests mentioning them, and replaces chat
              cards with “removed”.
            </span>
            <label className="checkbox">
              <input type="checkbox" name="confirm" /> I understand this cannot be undone.
            </label>
            <button type="submit" className="button button-danger" disabled={busy}>
              Erase {customer.name}
            </button>
          </Form>
        </div>
      )}
      {report && (
        <div className="stack erasure-report" role="status">
          <h2>Erased in {report.milliseconds.toLocaleString('en')} ms</h2>
          <ul>
            {report.steps.map((s) => (
              <li key={s.place} className={s.count > 0 ? 'reached' : 'nothing'}>
                <strong>{s.place}</strong>: {s.count} — {s.note}
              </li>
            ))}
          </ul>
          <p>
            {report.remaining.length === 0
              ? 'Checked afterwards: the erased name and identifiers are found nowhere in the database or the search index.'
              : `Still found afterwards: ${report.remaining.map((r) => `${r.needle} in ${r.hits.map((h) => `${h.table}.${h.column}`).join(', ')}${r.searchHits ? ` and ${r.searchHits} search results` : ''}`).join('; ')}.`}
          </p>
        </div>
      )}
      <h2>Recent requests</h2>
      {recent.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {recent.map((r) => (
            <li key={r.id}>
              {r.at.slice(0, 16).replace('T', ' ')} — {r.action === 'customer.erased' ? 'erased' : 'exported'}{' '}
              <code>{r.customerId}</code> by {r.by ?? 'the command line'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
