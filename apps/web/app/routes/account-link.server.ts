import { type AppLoadContext, data, redirect } from 'react-router';
import { newPasswordErrors } from './password.schema';

/** The person an emailed link (invitation or reset) is for; a spent or unknown link is a 404 saying what to do. */
export async function loadAccountLink(
  context: AppLoadContext,
  token: string,
  kind: 'invite' | 'reset',
  spent: string,
) {
  const person = await context.hub.accounts.linkFor(token, kind);
  if (!person) throw data(spent, { status: 404 });
  return { name: person.name, email: person.email };
}

/** Sets the password chosen through a link, used once, and signs the person in. */
export async function redeemAccountLink(
  request: Request,
  context: AppLoadContext,
  token: string,
  kind: 'invite' | 'reset',
  spent: string,
) {
  const form = await request.formData();
  const errors = newPasswordErrors(form);
  if (errors) return data({ errors }, { status: 422 });
  const session = await context.hub.accounts.setPasswordByLink(token, kind, String(form.get('password')));
  if (!session) throw data(spent, { status: 404 });
  return redirect('/', { headers: { 'Set-Cookie': session.cookie } });
}
