import { data, Form, Link } from 'react-router';
import type { Route } from './+types/subscription-unsubscribe';

/**
 * The page a digest's unsubscribe link opens: no sign-in needed, the signed link is the authority.
 * Opening it changes nothing (mail scanners open links); the button, or a mail client's one-click
 * POST (RFC 8058, answered by the server before this page), unsubscribes.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const link = await context.hub.digests.readSignedLink(params.token);
  if (!link)
    throw data('This unsubscribe link is not valid. Manage your digests under Settings.', { status: 404 });
  return {
    scopeLabel: link.view.scopeLabel,
    cadenceLabel: link.view.cadenceLabel,
    active: link.active,
    done: new URL(request.url).searchParams.has('done'),
    signedIn: context.hub.actor !== null,
  };
}

export const meta: Route.MetaFunction = () => [{ title: 'Unsubscribe · Heard' }];

export default function Unsubscribe({ loaderData }: Route.ComponentProps) {
  const { scopeLabel, cadenceLabel, active, done, signedIn } = loaderData;
  return (
    <section className="panel stack narrow">
      <h1>Unsubscribe</h1>
      {active ? (
        <>
          <p>
            Stop the digest <strong>{scopeLabel}</strong> ({cadenceLabel})?
          </p>
          <Form method="post" reloadDocument>
            <input type="hidden" name="confirm" value="1" />
            <button type="submit" className="button button-primary">
              Unsubscribe
            </button>
          </Form>
        </>
      ) : (
        <p role="status">
          {done ? 'Done: you' : 'You'} no longer receive <strong>{scopeLabel}</strong>. Digests you already
          received stay in your archive.
        </p>
      )}
      <p className="muted">
        {signedIn ? (
          <Link to="/subscriptions">Manage all your digests</Link>
        ) : (
          <Link to="/sign-in">Sign in</Link>
        )}{' '}
        to subscribe again or change how digests reach you.
      </p>
    </section>
  );
}
