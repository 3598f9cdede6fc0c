import { Form, Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { timeAgo } from '../lib/format';
import type { Route } from './+types/notifications';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const items = await context.hub.notifications.list(actor.id);
  return {
    items: items.map((n) => ({
      id: n.id,
      text: n.text,
      link: n.link,
      read: n.read,
      createdAt: n.createdAt.toISOString(),
    })),
    now: new Date().toISOString(),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  await context.hub.notifications.markAllRead(actor.id);
  return { done: true };
}

export const meta: Route.MetaFunction = () => [{ title: 'Inbox · Heard' }];

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const { items } = loaderData;
  const now = new Date(loaderData.now);
  const unread = items.filter((n) => !n.read).length;
  return (
    <section className="panel">
      <div className="row">
        <h1>Inbox</h1>
        <span className="spacer" />
        {unread > 0 && (
          <Form method="post">
            <button type="submit" className="button">
              Mark all as read
            </button>
          </Form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          Nothing yet. You will hear here when an insight is shared with you, linked to your goal, or when
          work it motivated is done.
        </p>
      ) : (
        <ul className="inbox-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? 'read' : 'unread-item'}>
              <Link to={n.link}>{n.text}</Link>
              <time dateTime={n.createdAt} className="muted">
                {timeAgo(n.createdAt, now)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
