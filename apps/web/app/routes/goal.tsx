import { isAdmin, readScopeFor } from '@heard/domain';
import { data, Form, Link } from 'react-router';
import { ActionMoves, STATUS_LABELS } from '../components/action-moves';
import { KpiChart } from '../components/kpi-chart';
import { requireActor } from '../lib/auth.server';
import { toFieldErrors } from '../lib/errors.server';
import { kindLabel, timeAgo } from '../lib/format';
import type { Route } from './+types/goal';
import { handleGoalForm } from './goal.server';
import { SubscribeLink } from './subscription-list';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const page = await context.hub.views.goalPage(readScopeFor(actor), params.id);
  if (!page) throw data('No goal has that id.', { status: 404 });
  const { goal } = page;
  return {
    ...page,
    goal: { ...goal, createdAt: goal.createdAt.toISOString() },
    measurements: page.measurements.map((m) => ({ at: m.at.toISOString(), value: m.value })),
    evaluations: page.evaluations.map((e) => ({ ...e, at: e.at.toISOString() })),
    isOwner: actor.id === goal.ownerId || isAdmin(actor),
    actorId: actor.id,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await request.formData();
  try {
    return await handleGoalForm(context, actor, params.id, form);
  } catch (error) {
    return data({ intent: String(form.get('intent')), errors: toFieldErrors(error) }, { status: 422 });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.goal.title ?? 'Goal'} · Heard` }];

const COLUMNS = ['open', 'in_progress', 'done', 'wont_do'] as const;

export default function GoalPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    goal,
    ownerName,
    mandateTeams,
    measurements,
    actions,
    evaluations,
    insights,
    assignable,
    isOwner,
    actorId,
  } = loaderData;
  const errors = (actionData?.errors ?? {}) as Record<string, string>;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? errors : {});
  return (
    <article className="goal-page">
      <p className="crumbs">
        <Link to="/goals">← Goals</Link>
      </p>
      <header className="panel">
        <h1>{goal.title}</h1>
        <SubscribeLink query={`goal=${goal.id}`} label="Subscribe to this goal" />
        <p>{goal.why}</p>
        <p className="muted">
          Owner: <strong>{ownerName}</strong> · Mandate: {goal.mandate.statement} · Teams:{' '}
          {mandateTeams.map((t) => t.name).join(', ')}
        </p>
        <KpiChart
          baseline={goal.kpi.baseline}
          target={goal.kpi.target}
          unit={goal.kpi.unit}
          start={goal.createdAt}
          due={`${goal.kpi.dueDate}T00:00:00Z`}
          points={measurements}
        />
      </header>

      <section className="panel">
        <h2>What customers told us</h2>
        {insights.length === 0 ? (
          <p className="muted">No insight you can see is linked to this goal yet.</p>
        ) : (
          <ol className="ranked">
            {insights.map((i) => (
              <li key={i.id}>
                <Link to={`/insights/${i.id}`}>{i.title}</Link>
                <span className="muted">
                  {' '}
                  · {kindLabel(i.kind)} · {i.reactionCount} reactions · +{i.evidenceCount} customers
                </span>
              </li>
            ))}
          </ol>
        )}
        <p>
          <Link to={`/?goal=${goal.id}`}>Every insight for this goal →</Link>
        </p>
      </section>

      <section className="panel">
        <h2>Actions</h2>
        <div className="board">
          {COLUMNS.map((status) => (
            <div key={status} className="board-column">
              <h3>{STATUS_LABELS[status]}</h3>
              {actions
                .filter((a) => a.status === status)
                .map((a) => (
                  <div key={a.id} className="board-card">
                    <strong>{a.title}</strong>
                    <span className="muted">
                      {a.assigneeName}
                      {a.dueDate && ` · due ${a.dueDate}`} · cites {a.citedCount}
                    </span>
                    {(isOwner || a.assigneeId === actorId) && (
                      <ActionMoves actionId={a.id} status={a.status} />
                    )}
                  </div>
                ))}
            </div>
          ))}
        </div>
        {errorsFor('move').form && <p className="form-error">{errorsFor('move').form}</p>}
        {isOwner && (
          <Form method="post" className="stack assign" noValidate>
            <h3>Assign an action</h3>
            <input type="hidden" name="intent" value="assign" />
            {errorsFor('assign').form && <p className="form-error">{errorsFor('assign').form}</p>}
            <label>
              What needs doing?
              <input name="title" aria-invalid={Boolean(errorsFor('assign').title)} />
            </label>
            {errorsFor('assign').title && <p className="field-error">{errorsFor('assign').title}</p>}
            <div className="row">
              <label>
                Who (people in the mandate's teams)
                <select name="assigneeId" defaultValue="">
                  <option value="" disabled>
                    Choose a person
                  </option>
                  {assignable.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Due
                <input type="date" name="dueDate" />
              </label>
            </div>
            {(errorsFor('assign').assigneeId || errorsFor('assign').dueDate) && (
              <p className="field-error">{errorsFor('assign').assigneeId ?? errorsFor('assign').dueDate}</p>
            )}
            {insights.length > 0 && (
              <fieldset>
                <legend>Which insights motivate it?</legend>
                <div className="checks">
                  {insights.slice(0, 6).map((i) => (
                    <label key={i.id} className="check">
                      <input type="checkbox" name="citedInsightIds" value={i.id} />
                      {i.title}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            <div className="row end">
              <button type="submit" className="button button-primary">
                Assign
              </button>
            </div>
          </Form>
        )}
      </section>

      <section className="panel">
        <h2>Evaluations</h2>
        {evaluations.length === 0 && <p className="muted">Nothing evaluated yet.</p>}
        <ul className="evaluations">
          {evaluations.map((e) => (
            <li key={e.id}>
              <span className={`result result-${e.result}`}>{e.result}</span>{' '}
              {e.actionTitle ? `"${e.actionTitle}"` : 'The goal as a whole'}
              {e.kpiValue !== null && ` · ${goal.kpi.name}: ${e.kpiValue} ${goal.kpi.unit}`} — {e.note}{' '}
              <span className="muted">
                ({e.evaluatorName}, {timeAgo(e.at)})
              </span>
            </li>
          ))}
        </ul>
        {isOwner && (
          <Form method="post" className="stack" noValidate>
            <h3>Record what changed for customers</h3>
            <input type="hidden" name="intent" value="evaluate" />
            {errorsFor('evaluate').form && <p className="form-error">{errorsFor('evaluate').form}</p>}
            <div className="row">
              <label>
                Evaluating
                <select name="subject" defaultValue="goal">
                  <option value="goal">The goal as a whole</option>
                  {actions.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                For customers, things got
                <select name="result" defaultValue="better">
                  <option value="better">Better</option>
                  <option value="unchanged">Unchanged</option>
                  <option value="worse">Worse</option>
                </select>
              </label>
              <label>
                {goal.kpi.name} now ({goal.kpi.unit})
                <input
                  name="kpiValue"
                  inputMode="decimal"
                  aria-invalid={Boolean(errorsFor('evaluate').kpiValue)}
                />
              </label>
            </div>
            {errorsFor('evaluate').kpiValue && (
              <p className="field-error">{errorsFor('evaluate').kpiValue}</p>
            )}
            <label>
              What did customers say or do?
              <textarea name="note" rows={3} aria-invalid={Boolean(errorsFor('evaluate').note)} />
            </label>
            {errorsFor('evaluate').note && <p className="field-error">{errorsFor('evaluate').note}</p>}
            <div className="row end">
              <button type="submit" className="button button-primary">
                Record evaluation
              </button>
            </div>
          </Form>
        )}
      </section>
    </article>
  );
}
