import { formatKpi, kpiChartSvg, kpiTrend } from '@heard/domain';
import { data, Form, Link } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/digest';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  // Someone else's digest answers exactly like a missing one: it was built for its reader.
  const digest = await context.hub.digests.digest(params.id, actor);
  if (!digest) throw data('No such digest.', { status: 404 });
  const active = (await context.hub.digests.subscriptionsOf(actor.id)).some(
    (s) => s.id === digest.subscriptionId,
  );
  return {
    id: digest.id,
    subscriptionId: digest.subscriptionId,
    subscribed: active,
    status: digest.status,
    lastError: digest.lastError,
    content: digest.content,
    // As an image: an SVG drawn through <img> can run nothing, whatever its text.
    charts: Object.fromEntries(
      digest.content.goals.map((g) => [
        g.id,
        `data:image/svg+xml;base64,${Buffer.from(kpiChartSvg(g)).toString('base64')}`,
      ]),
    ),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.content.scopeLabel ?? 'Digest'} · Digest · Heard` },
];

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
const KIND: Record<string, string> = {
  story: 'Story',
  pain: 'Pain',
  request: 'Request',
  praise: 'Praise',
  churn_risk: 'Churn risk',
  idea: 'Idea',
  observation: 'Observation',
};

export default function DigestPage({ loaderData }: Route.ComponentProps) {
  const { content, charts, status, lastError, subscribed, subscriptionId } = loaderData;
  return (
    <article className="digest-page stack">
      <p className="crumbs">
        <Link to="/digests">← Your digests</Link>
      </p>
      <header className="panel">
        <h1>
          {content.cadence === 'daily' ? 'Daily' : 'Weekly'} digest · {content.scopeLabel}
        </h1>
        <p className="muted">
          {day(content.period.start)} – {day(content.period.end)} · {content.changes}
        </p>
        {status === 'undeliverable' && (
          <p className="form-error" role="status">
            {`This digest could not be delivered by ${content.channel} (${lastError}); it is kept here.`}
          </p>
        )}
        {subscribed && (
          <Form method="post" action="/subscriptions">
            <input type="hidden" name="intent" value="unsubscribe" />
            <input type="hidden" name="subscriptionId" value={subscriptionId} />
            <button type="submit" className="button">
              Unsubscribe from this digest
            </button>
          </Form>
        )}
      </header>

      {content.insights.length > 0 && (
        <section className="panel">
          <h2>Most important of {content.counts.insights} new insights</h2>
          <ol className="digest-insights">
            {content.insights.map((i) => (
              <li key={i.id}>
                <Link to={`/insights/${i.id}`}>
                  <strong>{i.title}</strong>
                </Link>{' '}
                <span className="muted">· {KIND[i.kind] ?? i.kind}</span>
                <p>{i.excerpt}</p>
                <p className="muted">
                  {i.evidenceCount} evidence · {i.reactionCount} reactions
                  {i.customerNames.length > 0 && ` · ${i.customerNames.join(', ')}`}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      {content.stories.length > 0 && (
        <section className="panel">
          <h2>Stories</h2>
          {content.stories.map((s) => (
            <div key={s.insightId} className="digest-story">
              {s.imageUrl && <img src={s.imageUrl} alt={s.headline} />}
              <div>
                <Link to={`/insights/${s.insightId}`}>
                  <strong>{s.headline}</strong>
                </Link>
                <p>{s.summary}</p>
                {s.pullQuote && <blockquote>{s.pullQuote}</blockquote>}
              </div>
            </div>
          ))}
        </section>
      )}

      {content.goals.length > 0 && (
        <section className="panel">
          <h2>KPI progress</h2>
          {content.goals.map((g) => {
            const trend = kpiTrend(g);
            return (
              <div key={g.id} className="digest-goal">
                <Link to={`/goals/${g.id}`}>
                  <strong>{g.title}</strong>
                </Link>
                <p className="muted">
                  {`${g.kpiName}: ${g.current === null ? 'not measured yet' : formatKpi(g.current, g.unit)}${trend.arrow} (target ${formatKpi(g.target, g.unit)})`}
                </p>
                <img
                  className="digest-chart"
                  src={charts[g.id]}
                  alt={`${g.kpiName} over time, target ${formatKpi(g.target, g.unit)}`}
                  width={480}
                  height={160}
                />
              </div>
            );
          })}
        </section>
      )}

      {(content.actionsOpened.length > 0 || content.actionsCompleted.length > 0) && (
        <section className="panel">
          <h2>Actions</h2>
          <ul>
            {content.actionsOpened.map((a) => (
              <li key={`o-${a.id}`}>
                Opened: <Link to={`/goals/${a.goalId}`}>{a.title}</Link>{' '}
                <span className="muted">({a.assigneeName})</span>
              </li>
            ))}
            {content.actionsCompleted.map((a) => (
              <li key={`d-${a.id}`}>
                Done: <Link to={`/goals/${a.goalId}`}>{a.title}</Link>{' '}
                <span className="muted">({a.assigneeName})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {content.evaluations.length > 0 && (
        <section className="panel">
          <h2>Evaluations</h2>
          <ul>
            {content.evaluations.map((e) => (
              <li key={e.id}>
                <Link to={`/goals/${e.goalId}`}>{e.actionTitle ?? e.goalTitle}</Link>:{' '}
                <strong>{e.result}</strong>
                {e.kpiValue !== null && ` (KPI ${e.kpiValue})`} – {e.note}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
