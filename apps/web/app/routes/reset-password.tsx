import { data, Link, redirect } from 'react-router';
import { NewPasswordForm } from '../components/new-password-form';
import type { Route } from './+types/reset-password';
import { newPasswordErrors } from './password.schema';

const SPENT = 'This reset link has been used or has expired. Ask for a new one.';

export async function loader({ params, context }: Route.LoaderArgs) {
  const person = await context.hub.accounts.linkFor(params.token, 'reset');
  if (!person) throw data(SPENT, { status: 404 });
  return { name: person.name, email: person.email };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const errors = newPasswordErrors(form);
  if (errors) return data({ errors }, { status: 422 });
  const session = await context.hub.accounts.setPasswordByLink(
    params.token,
    'reset',
    String(form.get('password')),
  );
  if (!session) throw data(SPENT, { status: 404 });
  return redirect('/', { headers: { 'Set-Cookie': session.cookie } });
}

export const meta: Route.MetaFunction = () => [{ title: 'Choose a new password · Heard' }];

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="sign-in">
      <section className="panel">
        <h1>Choose a new password</h1>
        <p className="muted">
          For {loaderData.name} ({loaderData.email}). Saving it signs you out everywhere else.
        </p>
        <NewPasswordForm error={actionData?.errors.password} submit="Save and sign in" />
        <p className="muted">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    </div>
  );
}
