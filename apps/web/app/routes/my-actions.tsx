import { data, Link } from 'react-router';
import { ActionMoves, STATUS_LABELS } from '../components/action-moves';
import { requireActor } from '../lib/auth.server';
import { toFieldErrors } from '../lib/errors.server';
import type { Route } from './+types/my-actions';
import { handleGoalForm } from './goal.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  return { actions: await context.hub.views.actionsFor(actor.id) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const form = await request.formData();
  try {
    return await handleGoalForm(context, actor, '', form);
  } catch (error) {
    return data({ intent: 'move', errors: toFieldErrors(error) }, { status: 422 });
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'My actions · Heard' }];

export default function MyActions({ loaderData, actionData }: Route.ComponentProps) {
  const { actions } = loaderData;
  const error = (actionData?.errors as Record<string, string> | undefined)?.form;
  return (
    <section className="panel">
      <h1>My actions</h1>
      {error && <p className="form-error">{error}</p>}
      {actions.length === 0 ? (
        <p className="muted">
          Nothing assigned to you. When a goal owner asks you to act on what customers said, it shows here.
        </p>
      ) : (
        <ul className="inbox-list">
          {actions.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{a.title}</strong>
                <br />
                <span className="muted">
                  {STATUS_LABELS[a.status]} · <Link to={`/goals/${a.goalId}`}>{a.goalTitle}</Link>
                  {a.dueDate && ` · due ${a.dueDate}`}
                </span>
              </span>
              <ActionMoves actionId={a.id} status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
