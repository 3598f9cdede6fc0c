import { isAdmin, ROLES } from '@heard/domain';
import { data, Form, useNavigation } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/admin-people';
import { parseInvite } from './admin-people.server';

function requireAdmin(context: Route.LoaderArgs['context'], request: Request) {
  const actor = requireActor(context, request);
  if (!isAdmin(actor)) throw data('Only admins may manage people.', { status: 403 });
  return actor;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  requireAdmin(context, request);
  const [people, teams] = await Promise.all([context.hub.accounts.people(), context.hub.lookups.teams()]);
  return { people, teams: teams.map((t) => ({ id: t.id, name: t.name })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireAdmin(context, request);
  const parsed = parseInvite(await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, invited: null }, { status: 422 });
  const { teamId } = parsed.value;
  if (teamId && !(await context.hub.lookups.teams()).some((t) => t.id === teamId))
    return data({ errors: { teamId: 'Choose a team from the list.' }, invited: null }, { status: 422 });
  const invited = await context.hub.accounts.invite({ ...parsed.value, invitedBy: actor.id });
  if (!invited)
    return data(
      { errors: { email: 'Someone with that email is already in Heard.' }, invited: null },
      { status: 409 },
    );
  return { errors: {} as Record<string, string>, invited: { ...invited, name: parsed.value.name } };
}

export const meta: Route.MetaFunction = () => [{ title: 'People · Heard' }];

export default function AdminPeople({ loaderData, actionData }: Route.ComponentProps) {
  const { people, teams } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const invited = actionData?.invited;
  const busy = useNavigation().state !== 'idle';
  const fieldError = (name: string) =>
    errors[name] && (
      <p className="field-error" id={`${name}-error`} role="alert">
        {errors[name]}
      </p>
    );
  return (
    <section className="panel stack admin-people">
      <h1>People</h1>
      <h2>Invite someone</h2>
      {invited && (
        <div className="notice" role="status">
          <p>
            <strong>{invited.name}</strong> is invited.{' '}
            {invited.emailed
              ? 'We emailed them this link; you can also send it yourself.'
              : 'Send them this link:'}
          </p>
          <input
            className="secret"
            readOnly
            value={invited.link}
            aria-label={`Invitation link for ${invited.name}`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="hint">It works once, for seven days.</p>
        </div>
      )}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <Form method="post" className="stack" noValidate>
        <label>
          Email
          <input
            name="email"
            type="email"
            required
            aria-invalid={Boolean(errors.email)}
            aria-describedby="email-error"
          />
        </label>
        {fieldError('email')}
        <label>
          Name
          <input
            name="name"
            required
            maxLength={200}
            aria-invalid={Boolean(errors.name)}
            aria-describedby="name-error"
          />
        </label>
        {fieldError('name')}
        <label>
          Team
          <select
            name="teamId"
            defaultValue=""
            aria-invalid={Boolean(errors.teamId)}
            aria-describedby="teamId-error"
          >
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {fieldError('teamId')}
        <fieldset className="role-choices" aria-describedby="roles-error">
          <legend>Roles</legend>
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" name="roles" value={role} defaultChecked={role === 'frontline'} /> {role}
            </label>
          ))}
        </fieldset>
        {fieldError('roles')}
        <div className="row end">
          <button type="submit" className="button button-primary" disabled={busy}>
            Create invitation
          </button>
        </div>
      </Form>
      <h2>Everyone</h2>
      <table className="people-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Team</th>
            <th scope="col">Roles</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name}
                {p.invited && <span className="muted"> (invited)</span>}
              </td>
              <td>{p.email}</td>
              <td>{p.team ?? '—'}</td>
              <td>{p.roles.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
