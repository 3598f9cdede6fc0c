import { data, redirect } from 'react-router';
import { NewPasswordForm } from '../components/new-password-form';
import type { Route } from './+types/accept-invite';
import { newPasswordErrors } from './password.schema';

const SPENT = 'This invitation has been used or has expired. Ask an admin for a new one.';

export async function loader({ params, context }: Route.LoaderArgs) {
  const person = await context.hub.accounts.linkFor(params.token, 'invite');
  if (!person) throw data(SPENT, { status: 404 });
  return { name: person.name, email: person.email };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const errors = newPasswordErrors(form);
  if (errors) return data({ errors }, { status: 422 });
  const session = await context.hub.accounts.setPasswordByLink(
    params.token,
    'invite',
    String(form.get('password')),
  );
  if (!session) throw data(SPENT, { status: 404 });
  return redirect('/', { headers: { 'Set-Cookie': session.cookie } });
}

export const meta: Route.MetaFunction = () => [{ title: 'Welcome to Heard' }];

export default function AcceptInvite({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="sign-in">
      <section className="panel">
        <h1>Welcome to Heard, {loaderData.name}</h1>
        <p className="muted">Choose a password to sign in as {loaderData.email}.</p>
        <NewPasswordForm error={actionData?.errors.password} submit="Save and sign in" />
      </section>
    </div>
  );
}
