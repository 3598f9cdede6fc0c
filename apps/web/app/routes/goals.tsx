import { kpiProgress } from '@heard/domain';
import { Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { countOf } from '../lib/format';
import type { Route } from './+types/goals';

export async function loader({ request, context }: Route.LoaderArgs) {
  requireActor(context, request);
  const summaries = await context.hub.views.goalSummaries();
  return {
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
    })),
  };
}

export const meta: Route.MetaFunction = () => [{ title: 'Goals · Heard' }];

export default function Goals({ loaderData }: Route.ComponentProps) {
  return (
    <section>
      <h1>Strategic goals</h1>
      <p className="muted">Every insight serves a goal; every goal has an owner with a mandate to act.</p>
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
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
