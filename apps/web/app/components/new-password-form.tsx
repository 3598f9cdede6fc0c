import { Form, useNavigation } from 'react-router';

/** One password field with its error beside it; the reset and invitation pages share it. */
export function NewPasswordForm({ error, submit }: { error?: string; submit: string }) {
  const busy = useNavigation().state !== 'idle';
  return (
    <Form method="post" className="stack" noValidate>
      <label>
        New password
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          aria-invalid={Boolean(error)}
          aria-describedby="password-hint password-error"
        />
      </label>
      <p className="hint" id="password-hint">
        At least 10 characters. A few unrelated words make a strong one.
      </p>
      {error && (
        <p className="field-error" id="password-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {submit}
      </button>
    </Form>
  );
}
