import { NewPasswordForm } from '../components/new-password-form';
import type { Route } from './+types/accept-invite';
import { loadAccountLink, redeemAccountLink } from './account-link.server';

const SPENT = 'This invitation has been used or has expired. Ask an admin for a new one.';

export function loader({ params, context }: Route.LoaderArgs) {
  return loadAccountLink(context, params.token, 'invite', SPENT);
}

export function action({ request, params, context }: Route.ActionArgs) {
  return redeemAccountLink(request, context, params.token, 'invite', SPENT);
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
