import { kpiProgress, readScopeFor } from '@heard/domain';
import { Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { countOf } from '../lib/format';
import type { Route } from './+types/goals';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const order =
    new URL(request.url).searchParams.get('sort') === 'customer_value' ? 'customer_value' : 'status';
  const summaries = await context.hub.views.goalSummaries(readScopeFor(actor), order);
  return {
    order,
    goals: summaries.map((s) => ({
      id: s.goal.id,
      title: s.goal.title,
      why: s.goal.why,
      status: s.goal.status,
      ownerName: s.ownerName,
      kpi: s.goal.kpi,
      progress: kpiProgress(s.goal.kpi),
      insightCount: s.insightCount,
      openActions: s.openActions,
      doneActions: s.doneActions,
      evaluations: s.evaluations,
      customerCount: s.customerCount,
      customerValue: s.customerValue,
    })),
  };
}

const ORDERS = [
  { id: 'status', label: 'Active first, by due date' },
  { id: 'customer_value', label: 'By customer value' },
] as const;

const money = (n: number) => Math.round(n).toLocaleString('en-GB');

export const meta: Route.MetaFunction = () => [{ title: 'Goals · Heard' }];

export default function Goals({ loaderData }: Route.ComponentProps) {
  return (
    <section>
      <h1>Strategic goals</h1>
      <p className="muted">Every insight serves a goal; every goal has an owner with a mandate to act.</p>
      <nav className="row goal-order" aria-label="Order of the goals">
        <span className="muted">Order:</span>
        {ORDERS.map((o) => (
          <Link
            key={o.id}
            to={o.id === 'status' ? '/goals' : `/goals?sort=${o.id}`}
            className={loaderData.order === o.id ? 'badge' : undefined}
            aria-current={loaderData.order === o.id ? 'page' : undefined}
          >
            {o.label}
          </Link>
        ))}
      </nav>
      <ul className="goal-list">
        {loaderData.goals.map((g) => (
          <li key={g.id} className="panel goal-card">
            <div className="row">
              <h2>
                <Link to={`/goals/${g.id}`}>{g.title}</Link>
              </h2>
              <span className="spacer" />
              {g.status !== 'active' && <span className="badge">{g.status}</span>}
            </div>
            <p className="muted">{g.why}</p>
            <div
              className="progress"
              role="progressbar"
              aria-label={`${g.kpi.name}: progress towards the target`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round((g.progress ?? 0) * 100)}
            >
              <span style={{ width: `${Math.round((g.progress ?? 0) * 100)}%` }} />
            </div>
            <p className="goal-facts">
              <span>
                {g.kpi.name}: <strong>{g.kpi.current ?? g.kpi.baseline}</strong> → {g.kpi.target} {g.kpi.unit}
              </span>
              <span>Owner: {g.ownerName}</span>
              <span>
                {countOf(g.insightCount, 'insight')} · {countOf(g.openActions, 'open action')} ·{' '}
                {g.doneActions} done · {countOf(g.evaluations, 'evaluation')}
              </span>
              <span>
                Customer value behind it: <strong>{money(g.customerValue)}</strong> a year (
                {countOf(g.customerCount, 'customer')})
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
