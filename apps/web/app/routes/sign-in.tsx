import { data, Form, Link, redirect, useActionData, useNavigation } from 'react-router';
import type { Route } from './+types/sign-in';
import { safeNext } from './sign-in.server';

export function loader({ request, context }: Route.LoaderArgs) {
  if (context.hub.actor) throw redirect('/');
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  const sso = context.hub.singleSignOn;
  return {
    demoSignIns: context.hub.demoSignIns,
    demoPassword: context.hub.demoPassword,
    singleSignOn: sso && {
      name: sso.providerName,
      href: next === '/' ? '/sign-in/oidc' : `/sign-in/oidc?next=${encodeURIComponent(next)}`,
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return data({ error: 'Enter your email and password.', email }, { status: 400 });
  const session = await context.hub.accounts.signIn(email, password);
  if (!session.ok && session.reason === 'limited') {
    const minutes = Math.max(1, Math.ceil(session.retryAfterSeconds / 60));
    return data(
      {
        error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
        email,
      },
      { status: 429, headers: { 'Retry-After': String(session.retryAfterSeconds) } },
    );
  }
  if (!session.ok)
    return data({ error: 'That email and password do not match an account.', email }, { status: 401 });
  return redirect(safeNext(new URL(request.url).searchParams.get('next')), {
    headers: { 'Set-Cookie': session.cookie },
  });
}

/** Carries the action's Retry-After (rate limit) onto the page's response. */
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: Route.MetaFunction = () => [{ title: 'Sign in · Heard' }];

export default function SignIn({ loaderData }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  return (
    <div className="sign-in">
      <section className="panel">
        <h1>Sign in to Heard</h1>
        <p className="muted">Where what customers tell us becomes what we do.</p>
        {loaderData.singleSignOn && (
          <>
            {/* A document navigation, not a client-side one: the provider's page is another site. */}
            <a href={loaderData.singleSignOn.href} className="button button-primary sso-button">
              Sign in with {loaderData.singleSignOn.name}
            </a>
            <p className="or-divider" aria-hidden="true">
              <span>or with your password</span>
            </p>
          </>
        )}
        <Form method="post" className="stack">
          {result?.error && (
            <p className="form-error" role="alert">
              {result.error}
            </p>
          )}
          <label>
            Email
            <input
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={result?.email ?? ''}
            />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="muted">
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
        </Form>
      </section>
      {loaderData.demoSignIns.length > 0 && (
        <section className="panel demo-people">
          <h2>Demo organisation</h2>
          <p className="muted">
            Every demo person's password is <code>{loaderData.demoPassword}</code>.
          </p>
          <ul>
            {loaderData.demoSignIns.map((p) => (
              <li key={p.email}>
                <Form method="post">
                  <input type="hidden" name="email" value={p.email} />
                  <input type="hidden" name="password" value={loaderData.demoPassword ?? ''} />
                  <button type="submit" className="demo-person">
                    {/* Named "Sign in as …" for screen readers, showing the name once on screen. */}
                    <span className="visually-hidden">{`Sign in as ${p.name}`}</span>
                    <strong aria-hidden="true">{p.name}</strong>
                    <span>{p.role}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
