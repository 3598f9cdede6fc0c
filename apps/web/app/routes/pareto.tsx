import { Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/pareto';
import { requireValueReader } from './pareto.server';
import { ParetoChart } from './pareto-chart';
import './customer-pages.css';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  requireValueReader(actor);
  const [view, pending] = await Promise.all([
    context.hub.customers.pareto(),
    context.hub.customers.pendingReviews(),
  ]);
  return {
    view,
    pending,
    canReview: actor.roles.some((r) => r === 'curator' || r === 'admin'),
    canImport: actor.roles.includes('admin'),
  };
}

export const meta: Route.MetaFunction = () => [{ title: 'Customers by value · Heard' }];

const money = (n: number) => Math.round(n).toLocaleString('en-GB');
const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;

export default function Pareto({ loaderData }: Route.ComponentProps) {
  const { view, pending, canReview, canImport } = loaderData;
  const top = view.bands.slice(0, 3);
  const topValue = top.reduce((s, b) => s + b.valueShare, 0);
  const topHeard = top.reduce((s, b) => s + b.insightShare, 0);
  return (
    <section className="pareto" aria-labelledby="pareto-title">
      <header className="page-head">
        <h1 id="pareto-title">Customers by value</h1>
        <p className="muted">
          Customers ranked by yearly value, in bands. Where the two bars differ, what we hear does not follow
          what customers are worth.
        </p>
        <p className="page-links">
          {canReview && (
            <Link to="/customers/review" className="button">
              Matches to review{pending > 0 ? ` (${pending})` : ''}
            </Link>
          )}
          {canImport && (
            <Link to="/import" className="button">
              Import customers or insights
            </Link>
          )}
        </p>
      </header>
      {view.totalValue === 0 ? (
        <div className="panel empty">
          <h2>No customer has a value yet</h2>
          <p className="muted">
            Import customers with a value column (yearly revenue) or set values on customer pages.
          </p>
        </div>
      ) : (
        <>
          <div className="panel">
            <p className="pareto-lead">
              The top 20 % of customers bring <strong>{pct(topValue)}</strong> of the value and{' '}
              <strong>{pct(topHeard)}</strong> of what we hear.
            </p>
            <ParetoChart bands={view.bands} />
          </div>
          <div className="panel">
            <table className="pareto-table">
              <caption>Bands of customers with a value, top first</caption>
              <thead>
                <tr>
                  <th scope="col">Band</th>
                  <th scope="col">Customers</th>
                  <th scope="col">Yearly value</th>
                  <th scope="col">Share of value</th>
                  <th scope="col">Insights</th>
                  <th scope="col">Share of what we hear</th>
                </tr>
              </thead>
              <tbody>
                {view.bands.map((b) => (
                  <tr key={b.label}>
                    <th scope="row">{b.label}</th>
                    <td>{b.customers.toLocaleString('en-GB')}</td>
                    <td>{money(b.value)}</td>
                    <td>{pct(b.valueShare)}</td>
                    <td>{b.insights.toLocaleString('en-GB')}</td>
                    <td>{pct(b.insightShare)}</td>
                  </tr>
                ))}
                <tr className="muted">
                  <th scope="row">No value known</th>
                  <td>{view.unvalued.customers.toLocaleString('en-GB')}</td>
                  <td>—</td>
                  <td>—</td>
                  <td>{view.unvalued.insights.toLocaleString('en-GB')}</td>
                  <td>{pct(view.unvalued.insightShare)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <div className="panel">
            <h2>Segments</h2>
            <table className="pareto-table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col">Customers</th>
                  <th scope="col">Yearly value</th>
                  <th scope="col">Insights about them</th>
                </tr>
              </thead>
              <tbody>
                {view.segments.map((s) => (
                  <tr key={s.segment}>
                    <th scope="row">
                      {s.segment === 'No segment' ? (
                        s.segment
                      ) : (
                        <Link to={`/?segment=${encodeURIComponent(s.segment)}&sort=customer_value`}>
                          {s.segment}
                        </Link>
                      )}
                    </th>
                    <td>{s.customers.toLocaleString('en-GB')}</td>
                    <td>{money(s.value)}</td>
                    <td>{s.insights.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
