import { redirect } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/sign-out-everywhere';

/** Ends every session of the signed-in person, on every device, this one included. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const cookie = await context.hub.accounts.signOutEverywhere(actor.id);
  return redirect('/sign-in', { headers: { 'Set-Cookie': cookie } });
}

export function loader() {
  return redirect('/settings');
}
