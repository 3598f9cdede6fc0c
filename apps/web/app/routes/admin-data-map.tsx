import { DATA_MAP, describeRetention } from '@heard/domain';
import { Link } from 'react-router';
import { GovernanceNav, governanceLinks } from '../components/governance-nav';
import type { Route } from './+types/admin-data-map';
import { requireAdmin } from './admin-audit.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  requireAdmin(context, request);
  const [policies, counts] = await Promise.all([
    context.hub.governance.retentionPolicies(),
    context.hub.governance.dataMapCounts(),
  ]);
  return {
    entries: DATA_MAP.map((entry) => ({
      name: entry.name,
      personalData: entry.personalData,
      stores: entry.stores.map((store) => ({ store, rows: counts[store] ?? null })),
      retention: describeRetention(entry, policies),
      readers: entry.readers,
    })),
  };
}

export const links: Route.LinksFunction = governanceLinks;
export const meta: Route.MetaFunction = () => [{ title: 'Data map · Heard' }];

export default function AdminDataMap({ loaderData }: Route.ComponentProps) {
  return (
    <section className="panel stack governance-wide">
      <GovernanceNav />
      <h1>Data map</h1>
      <p className="muted">
        What personal data Heard keeps, where, for how long and who may read it. Retention comes from the{' '}
        <Link to="/admin/retention">policies in force</Link>; row counts are live.
      </p>
      <div className="table-scroll">
        <table className="governance-table">
          <thead>
            <tr>
              <th>Data</th>
              <th>Personal data in it</th>
              <th>Where</th>
              <th>How long</th>
              <th>Who may read it</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.entries.map((e) => (
              <tr key={e.name}>
                <th scope="row">{e.name}</th>
                <td>{e.personalData}</td>
                <td>
                  {e.stores.map((s) => (
                    <div key={s.store} className="store">
                      <code>{s.store}</code>
                      {s.rows !== null && (
                        <span className="muted"> · {s.rows.toLocaleString('en')} rows</span>
                      )}
                    </div>
                  ))}
                </td>
                <td>{e.retention}</td>
                <td>{e.readers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
