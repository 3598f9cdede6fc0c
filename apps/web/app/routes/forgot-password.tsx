import { data, Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/forgot-password';

const SENT = 'If that email has an account, a link is on its way. It works once, for one hour.';

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  if (!email.includes('@'))
    return data({ error: 'Enter the email you sign in with.', sent: false, email }, { status: 400 });
  const result = await context.hub.accounts.requestPasswordReset(email);
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      {
        error: `Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        sent: false,
        email,
      },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  return { error: null, sent: true, email };
}

/** Carries the action's Retry-After (rate limit) onto the page's response. */
export const headers: Route.HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: Route.MetaFunction = () => [{ title: 'Reset your password · Heard' }];

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== 'idle';
  return (
    <div className="sign-in">
      <section className="panel">
        <h1>Reset your password</h1>
        {actionData?.sent ? (
          <p className="notice" role="status">
            {SENT}
          </p>
        ) : (
          <Form method="post" className="stack">
            <p className="muted">We will email you a link to choose a new password.</p>
            {actionData?.error && (
              <p className="form-error" role="alert">
                {actionData.error}
              </p>
            )}
            <label>
              Email
              <input
                name="email"
                type="email"
                autoComplete="username"
                required
                defaultValue={actionData?.email ?? ''}
              />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Sending…' : 'Email me a link'}
            </button>
          </Form>
        )}
        <p className="muted">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    </div>
  );
}
