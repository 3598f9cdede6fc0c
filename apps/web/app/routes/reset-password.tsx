import { Link } from 'react-router';
import { NewPasswordForm } from '../components/new-password-form';
import type { Route } from './+types/reset-password';
import { loadAccountLink, redeemAccountLink } from './account-link.server';

const SPENT = 'This reset link has been used or has expired. Ask for a new one.';

export function loader({ params, context }: Route.LoaderArgs) {
  return loadAccountLink(context, params.token, 'reset', SPENT);
}

export function action({ request, params, context }: Route.ActionArgs) {
  return redeemAccountLink(request, context, params.token, 'reset', SPENT);
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
