import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/sign-in-oidc-callback';

/** Where the identity provider sends people back: a session, or a sentence saying why not. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const sso = context.hub.singleSignOn;
  if (!sso) throw data('Single sign-on is not set up on this hub.', { status: 404 });
  const outcome = await sso.finish(request);
  const headers = new Headers();
  for (const cookie of outcome.cookies) headers.append('Set-Cookie', cookie);
  if (outcome.ok) return redirect(outcome.next, { headers });
  return data({ message: outcome.message, provider: sso.providerName }, { status: outcome.status, headers });
}

export const meta: Route.MetaFunction = () => [{ title: 'Single sign-on · Heard' }];

export default function SignInOidcCallback({ loaderData }: Route.ComponentProps) {
  return (
    <section className="panel stack sign-in-problem">
      <h1>You are not signed in</h1>
      <p className="form-error" role="alert">
        {loaderData.message}
      </p>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}
