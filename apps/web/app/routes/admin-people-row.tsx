import type { ManagedPerson } from '@heard/db';
import { ROLES } from '@heard/domain';
import { Form } from 'react-router';

/** One person on the admin's page: who they are, and their roles, team and access to change. */
export function PersonRow({
  person,
  teams,
  error,
  isSelf,
}: {
  person: ManagedPerson;
  teams: { id: string; name: string }[];
  error: string | null;
  isSelf: boolean;
}) {
  const deactivated = person.deactivatedAt !== null;
  const errorId = `person-${person.id}-error`;
  return (
    <tr className={deactivated ? 'deactivated' : undefined}>
      <td>
        {person.name}
        {person.invited && <span className="muted"> (invited)</span>}
        {deactivated && <span className="badge badge-deactivated"> deactivated</span>}
      </td>
      <td>{person.email}</td>
      <td>{person.team ?? '—'}</td>
      <td>{person.roles.join(', ')}</td>
      <td className="person-change">
        {error && (
          <p className="field-error" id={errorId} role="alert">
            {error}
          </p>
        )}
        <details open={Boolean(error)}>
          <summary>
            Change<span className="visually-hidden"> {person.name}</span>
          </summary>
          <Form method="post" className="stack person-form" aria-describedby={error ? errorId : undefined}>
            <input type="hidden" name="intent" value="change" />
            <input type="hidden" name="personId" value={person.id} />
            <label>
              Team
              <select name="teamId" defaultValue={person.teamId ?? ''}>
                <option value="">No team</option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="role-choices">
              <legend>Roles</legend>
              {ROLES.map((role) => (
                <label key={role} className="checkbox">
                  <input
                    type="checkbox"
                    name="roles"
                    value={role}
                    defaultChecked={person.roles.includes(role)}
                  />{' '}
                  {role}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button">
              Save {person.name}
            </button>
          </Form>
          {!isSelf && (
            <Form method="post" className="access-form">
              <input type="hidden" name="personId" value={person.id} />
              {deactivated ? (
                <button type="submit" name="intent" value="reactivate" className="button">
                  Reactivate {person.name}
                </button>
              ) : (
                <>
                  <p className="hint">
                    Deactivating ends their sessions and revokes their API tokens; what they shared stays,
                    under their name.
                  </p>
                  <button type="submit" name="intent" value="deactivate" className="button button-danger">
                    Deactivate {person.name}
                  </button>
                </>
              )}
            </Form>
          )}
        </details>
      </td>
    </tr>
  );
}
