import { redirect } from 'react-router';
import type { Route } from './+types/sign-out';

export async function action({ request, context }: Route.ActionArgs) {
  const cookie = await context.hub.sessions.signOut(request);
  return redirect('/sign-in', { headers: { 'Set-Cookie': cookie } });
}

export function loader() {
  return redirect('/');
}
