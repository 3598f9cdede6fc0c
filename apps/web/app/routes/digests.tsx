import { isAdmin } from '@heard/domain';
import { Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/digests';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const [archive, undeliverable] = await Promise.all([
    context.hub.digests.archive(actor.id),
    isAdmin(actor) ? context.hub.digests.undeliverable() : Promise.resolve(null),
  ]);
  return {
    archive: archive.map((d) => ({
      id: d.id,
      scopeLabel: d.scopeLabel,
      channel: d.channel,
      status: d.status,
      periodStart: d.periodStart.toISOString(),
      periodEnd: d.periodEnd.toISOString(),
      counts: d.counts,
    })),
    undeliverable: undeliverable?.map((d) => ({ ...d, periodEnd: d.periodEnd.toISOString() })) ?? null,
  };
}

export const meta: Route.MetaFunction = () => [{ title: 'Digest archive · Heard' }];

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

const STATUS_LABEL: Record<string, string> = {
  sent: 'delivered',
  pending: 'being delivered',
  archived: 'kept here only',
  undeliverable: 'could not be delivered',
};

export default function DigestArchive({ loaderData }: Route.ComponentProps) {
  const { archive, undeliverable } = loaderData;
  return (
    <section className="panel stack digests">
      <div className="row">
        <h1>Your digests</h1>
        <span className="spacer" />
        <Link className="button" to="/subscriptions">
          Manage subscriptions
        </Link>
      </div>
      {archive.length === 0 ? (
        <p className="muted">
          No digest yet. <Link to="/subscriptions">Subscribe</Link> to a goal, a tag, a team or all stories;
          the first digest comes at the next time you choose, once something happened.
        </p>
      ) : (
        <ul className="inbox-list digest-archive">
          {archive.map((d) => (
            <li key={d.id}>
              <span>
                <Link to={`/digests/${d.id}`}>
                  <strong>{d.scopeLabel}</strong>
                </Link>
                <br />
                <span className="muted">
                  {day(d.periodStart)} – {day(d.periodEnd)} · {d.counts?.insights ?? 0} insights,{' '}
                  {d.counts?.stories ?? 0} stories · {d.channel}: {STATUS_LABEL[d.status] ?? d.status}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {undeliverable && (
        <>
          <h2 id="undeliverable">Digests that could not be delivered</h2>
          <p className="muted">
            Each stays readable by its subscriber in their archive. Fix the channel (connect Slack or Teams,
            set SMTP_URL) or ask the person to choose another.
          </p>
          {undeliverable.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Subscriber</th>
                  <th>Scope</th>
                  <th>Channel</th>
                  <th>Period ending</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {undeliverable.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.personName} <span className="muted">{d.email}</span>
                    </td>
                    <td>{d.scopeLabel}</td>
                    <td>{d.channel}</td>
                    <td>{day(d.periodEnd)}</td>
                    <td>
                      {d.lastError} <span className="muted">({d.attempts} tries)</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
