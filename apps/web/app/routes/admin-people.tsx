import { isAdmin, ROLES } from '@heard/domain';
import { data, Form, useNavigation } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/admin-people';
import { parseInvite, RolesSchema, refusalMessage, TeamNameSchema } from './admin-people.server';
import { PersonRow } from './admin-people-row';

function requireAdmin(context: Route.LoaderArgs['context'], request: Request) {
  const actor = requireActor(context, request);
  if (!isAdmin(actor)) throw data('Only admins may manage people.', { status: 403 });
  return actor;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireAdmin(context, request);
  const [people, teams] = await Promise.all([context.hub.peopleAdmin.list(), context.hub.lookups.teams()]);
  const members = new Map<string, number>();
  for (const p of people)
    if (p.teamId && !p.deactivatedAt) members.set(p.teamId, (members.get(p.teamId) ?? 0) + 1);
  return {
    people,
    selfId: actor.id,
    teams: teams.map((t) => ({ id: t.id, name: t.name, members: members.get(t.id) ?? 0 })),
  };
}

interface ActionResult {
  errors: Record<string, string>;
  invited: { link: string; emailed: boolean; name: string } | null;
  notice: string | null;
  /** The person a row-level error belongs to. */
  personId: string | null;
}

const result = (partial: Partial<ActionResult>, status = 200) =>
  data<ActionResult>({ errors: {}, invited: null, notice: null, personId: null, ...partial }, { status });

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireAdmin(context, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? 'invite');
  const admin = context.hub.peopleAdmin;
  if (intent === 'create-team') {
    const name = TeamNameSchema.safeParse(String(form.get('teamName') ?? ''));
    if (!name.success) return result({ errors: { teamName: name.error.issues[0]!.message } }, 422);
    const created = await admin.createTeam(actor.id, name.data);
    if (!created.ok) return result({ errors: { teamName: refusalMessage(created.reason, '') } }, 409);
    return result({ notice: `Team ${name.data} created.` });
  }
  if (intent === 'change' || intent === 'deactivate' || intent === 'reactivate') {
    const personId = String(form.get('personId') ?? '');
    const person = (await admin.list()).find((p) => p.id === personId);
    if (!person) throw data('That person is not in Heard.', { status: 404 });
    const refuse = (message: string, status: number) =>
      result({ errors: { person: message }, personId }, status);
    if (intent === 'change') {
      const roles = RolesSchema.safeParse(form.getAll('roles').map(String));
      if (!roles.success) return refuse(roles.error.issues[0]!.message, 422);
      const teamId = String(form.get('teamId') ?? '') || null;
      const team = await admin.moveTeam(actor.id, personId, teamId);
      if (!team.ok) return refuse(refusalMessage(team.reason, person.name), 422);
      const changed = await admin.setRoles(actor.id, personId, roles.data);
      if (!changed.ok) return refuse(refusalMessage(changed.reason, person.name), 409);
      return result({ notice: `${person.name}: saved.` });
    }
    const outcome =
      intent === 'deactivate'
        ? await admin.deactivate(actor.id, personId)
        : await admin.reactivate(actor.id, personId);
    if (!outcome.ok) return refuse(refusalMessage(outcome.reason, person.name), 409);
    return result({
      notice:
        intent === 'deactivate'
          ? `${person.name} is deactivated: signed out everywhere, API tokens revoked. What they shared stays.`
          : `${person.name} can sign in again.`,
    });
  }
  const parsed = parseInvite(form);
  if (!parsed.ok) return result({ errors: parsed.errors }, 422);
  const { teamId } = parsed.value;
  if (teamId && !(await context.hub.lookups.teams()).some((t) => t.id === teamId))
    return result({ errors: { teamId: 'Choose a team from the list.' } }, 422);
  const invited = await context.hub.accounts.invite({ ...parsed.value, invitedBy: actor.id });
  if (!invited) return result({ errors: { email: 'Someone with that email is already in Heard.' } }, 409);
  return result({ invited: { ...invited, name: parsed.value.name } });
}

export const meta: Route.MetaFunction = () => [{ title: 'People and teams · Heard' }];

export default function AdminPeople({ loaderData, actionData }: Route.ComponentProps) {
  const { people, teams, selfId } = loaderData;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const invited = actionData?.invited;
  const notice = actionData?.notice;
  const busy = useNavigation().state !== 'idle';
  const fieldError = (name: string) =>
    errors[name] && (
      <p className="field-error" id={`${name}-error`} role="alert">
        {errors[name]}
      </p>
    );
  return (
    <section className="panel stack admin-people">
      <h1>People and teams</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
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
      <div className="table-scroll">
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Team</th>
              <th scope="col">Roles</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <PersonRow
                key={p.id}
                person={p}
                teams={teams}
                isSelf={p.id === selfId}
                error={actionData?.personId === p.id ? (errors.person ?? null) : null}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Teams</h2>
      <ul className="team-list">
        {teams.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong>{' '}
            <span className="muted">
              {t.members} {t.members === 1 ? 'person' : 'people'}
            </span>
          </li>
        ))}
      </ul>
      <Form method="post" className="row team-form" noValidate>
        <input type="hidden" name="intent" value="create-team" />
        <label>
          New team
          <input
            name="teamName"
            required
            maxLength={80}
            aria-invalid={Boolean(errors.teamName)}
            aria-describedby="teamName-error"
          />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Create team
        </button>
      </Form>
      {fieldError('teamName')}
    </section>
  );
}
