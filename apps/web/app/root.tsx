import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { initials } from './lib/format';
import './styles.css';

export async function loader({ context }: Route.LoaderArgs) {
  const actor = context.hub.actor;
  if (!actor) return { actor: null, unread: 0 };
  const unread = await context.hub.notifications.unreadCount(actor.id);
  return { actor: { name: actor.name, email: actor.email, roles: actor.roles }, unread };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const actor = data?.actor ?? null;
  const unread = data?.unread ?? 0;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="topbar">
          <Link to="/" className="brand" aria-label="Heard, home">
            <svg className="brand-mark" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
              <rect width="32" height="32" rx="8" fill="currentColor" />
              <path
                d="M9 20c0-6 3-10 7-10s7 4 7 10"
                stroke="#fff"
                strokeWidth="3"
                fill="none"
                strokeLinecap="round"
              />
              <circle cx="16" cy="21" r="3" fill="#ffcf5a" />
            </svg>
            Heard
          </Link>
          {actor && (
            <nav className="topnav" aria-label="Main">
              <search className="header-search">
                <form method="get" action="/search">
                  <input
                    type="search"
                    name="q"
                    placeholder="Search what customers said"
                    aria-label="Search insights"
                  />
                </form>
              </search>
              <NavLink to="/" end>
                Feed
              </NavLink>
              <NavLink to="/goals">Goals</NavLink>
              <NavLink to="/stories">Stories</NavLink>
              {actor.roles.some((r) => r === 'curator' || r === 'admin') && (
                <NavLink to="/curation">Curation</NavLink>
              )}
              <NavLink to="/actions">My actions</NavLink>
              {actor.roles.some((r) => r === 'curator' || r === 'leader' || r === 'admin') && (
                <NavLink to="/customers/value">Customers</NavLink>
              )}
              {actor.roles.some((r) => r === 'leader' || r === 'admin') && (
                <NavLink to="/health">Health</NavLink>
              )}
              <NavLink to="/notifications" className="inbox">
                Inbox
                {unread > 0 && (
                  <span className="unread">
                    <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                    <span className="visually-hidden">, {unread} unread</span>
                  </span>
                )}
              </NavLink>
              <NavLink to="/post" className="button button-primary" aria-label="Share what you heard">
                <span className="wide-only">Share what you heard</span>
                <span className="narrow-only">Share</span>
              </NavLink>
              <span className="who" title={actor.email}>
                <span className="avatar" aria-hidden="true">
                  {initials(actor.name)}
                </span>
                <span className="who-name">{actor.name}</span>
              </span>
              {actor.roles.includes('admin') && <NavLink to="/admin/people">People</NavLink>}
              {actor.roles.includes('admin') && <NavLink to="/admin/audit">Governance</NavLink>}
              <NavLink to="/digests">Digests</NavLink>
              <NavLink to="/settings">Settings</NavLink>
              <form method="post" action="/sign-out">
                <button type="submit" className="link-button">
                  Sign out
                </button>
              </form>
            </nav>
          )}
        </header>
        <main className="page">{children}</main>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const known = isRouteErrorResponse(error);
  const title = known
    ? error.status === 404
      ? 'Not found'
      : `Something went wrong (${error.status})`
    : 'Something went wrong';
  const message = known
    ? typeof error.data === 'string'
      ? error.data
      : error.statusText
    : 'Heard hit an unexpected problem. It has been logged; try again in a moment.';
  return (
    <section className="panel narrow">
      {/* The failing route's meta never ran; React puts this title in the head. */}
      <title>{`${title} · Heard`}</title>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to the feed</Link>
      </p>
    </section>
  );
}
