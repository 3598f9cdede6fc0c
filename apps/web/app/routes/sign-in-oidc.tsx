import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/sign-in-oidc';
import { safeNext } from './sign-in.server';

/** Sends the browser to the identity provider; comes back at /sign-in/oidc/callback. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const sso = context.hub.singleSignOn;
  if (!sso) throw data('Single sign-on is not set up on this hub.', { status: 404 });
  if (context.hub.actor) throw redirect('/');
  try {
    const started = await sso.start(safeNext(new URL(request.url).searchParams.get('next')));
    return redirect(started.url, { headers: { 'Set-Cookie': started.cookie } });
  } catch {
    return data(
      {
        message: `${sso.providerName} is not answering right now. Try again in a moment, or sign in with your password.`,
      },
      { status: 503 },
    );
  }
}

export const meta: Route.MetaFunction = () => [{ title: 'Single sign-on · Heard' }];

export default function SignInOidc({ loaderData }: Route.ComponentProps) {
  return (
    <section className="panel stack sign-in-problem">
      <h1>Single sign-on is unavailable</h1>
      <p role="alert">{loaderData.message}</p>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}
