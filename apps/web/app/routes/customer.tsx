import { readScopeFor } from '@heard/domain';
import { data, Link } from 'react-router';
import { STATUS_LABELS } from '../components/action-moves';
import { requireActor } from '../lib/auth.server';
import { initials, kindLabel, timeAgo } from '../lib/format';
import type { Route } from './+types/customer';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const page = await context.hub.views.customerPage(readScopeFor(actor), params.id);
  if (!page) throw data('No customer has that id.', { status: 404 });
  const insights = page.insights.map((i) => ({
    ...i,
    createdAt: i.createdAt.toISOString(),
    story: i.story && { ...i.story, publishedAt: i.story.publishedAt.toISOString() },
  }));
  return {
    customer: page.customer,
    insights,
    insightTotal: page.insightTotal,
    stories: insights.flatMap((i) => (i.story ? [{ insightId: i.id, kind: i.kind, ...i.story }] : [])),
    actions: page.actions.map((a) => ({
      ...a,
      evaluations: a.evaluations.map((e) => ({ ...e, at: e.at.toISOString() })),
    })),
    now: new Date().toISOString(),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.customer.name ?? 'Customer'} · Heard` },
];

const SYSTEM_LABELS: Record<string, string> = {
  crm: 'CRM',
  support: 'Support desk',
  billing: 'Billing',
  domain: 'Web domain',
  email: 'Email',
  phone: 'Phone',
};
const RESULT_WORDS: Record<string, string> = { better: 'Better', unchanged: 'Unchanged', worse: 'Worse' };

export default function CustomerPage({ loaderData }: Route.ComponentProps) {
  const { customer, insights, insightTotal, stories, actions } = loaderData;
  const now = new Date(loaderData.now);
  return (
    <article className="customer-page">
      <p className="crumbs">
        <Link to="/">← Feed</Link>
      </p>
      <header className="panel customer-head">
        <span className="customer-mark" aria-hidden="true">
          {initials(customer.name)}
        </span>
        <div className="customer-title">
          <h1>{customer.name}</h1>
          <p className="muted customer-kind">
            {customer.kind === 'account' ? 'Account' : 'Person'}
            {customer.segment && (
              <>
                {' · '}
                <span className="chip chip-customer">{customer.segment}</span>
              </>
            )}
          </p>
        </div>
        <dl className="customer-stats">
          <div>
            <dt>Yearly value</dt>
            <dd>{customer.value === null ? '—' : customer.value.toLocaleString('en-GB')}</dd>
          </div>
          <div>
            <dt>Insights</dt>
            <dd>{insightTotal}</dd>
          </div>
          <div>
            <dt>Stories</dt>
            <dd>{stories.length}</dd>
          </div>
          <div>
            <dt>Actions</dt>
            <dd>{actions.length}</dd>
          </div>
        </dl>
      </header>

      <section className="panel" aria-labelledby="known-as">
        <h2 id="known-as">Known as</h2>
        <p className="muted known-as-lead">
          Every number our systems know this customer by, recognised as one customer.
        </p>
        <ul className="identifiers">
          {customer.identifiers.map((id) => (
            <li key={`${id.system}:${id.value}`}>
              <span className="identifier-system">{SYSTEM_LABELS[id.system] ?? id.system}</span>
              <code>
                {id.system}:{id.value}
              </code>
            </li>
          ))}
        </ul>
      </section>

      {stories.length > 0 && (
        <section aria-labelledby="their-stories" className="customer-stories">
          <h2 id="their-stories" className="section-title">
            Their stories
          </h2>
          <div className="story-quotes">
            {stories.map((s) => (
              <Link
                key={s.insightId}
                to={`/insights/${s.insightId}`}
                className={`story-quote tone tone-${s.kind}`}
              >
                <strong>{s.headline}</strong>
                {s.pullQuote ? <q>{s.pullQuote}</q> : <span>{s.summary}</span>}
              </Link>
            ))}
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="what-we-heard">
        <h2 id="what-we-heard">What we heard</h2>
        {insights.length === 0 ? (
          <p className="muted">Nothing you can read has been shared about this customer yet.</p>
        ) : (
          <ol className="heard-list">
            {insights.map((i) => (
              <li key={i.id} className={`kind-${i.kind}`}>
                <div className="card-meta">
                  <span className={`badge badge-${i.kind}`}>{kindLabel(i.kind)}</span>
                  <span
                    className={`sentiment sentiment-${i.sentiment}`}
                    title={`Sentiment: ${i.sentiment}`}
                  />
                  {i.story && <span className="badge badge-story">Story</span>}
                  {i.visibility.scope !== 'everyone' && (
                    <span className="badge badge-restricted">
                      {i.visibility.scope === 'team' ? 'Team only' : 'Restricted'}
                    </span>
                  )}
                  <span className="spacer" />
                  <time dateTime={i.createdAt}>{timeAgo(i.createdAt, now)}</time>
                </div>
                <Link to={`/insights/${i.id}`} className="heard-title">
                  {i.title}
                </Link>
                <span className="muted meta-line">
                  {i.relation === 'subject' ? 'About them' : 'They said it too'} · shared by {i.reporterName}
                  {i.reactionCount > 0 && ` · ${i.reactionCount} reactions`}
                  {i.evidenceCount > 0 && ` · +${i.evidenceCount} customers`}
                </span>
                {i.evidenceNote && <span className="evidence-note">“{i.evidenceNote}”</span>}
                {i.goals.length > 0 && (
                  <span className="chips">
                    {i.goals.map((g) => (
                      <Link key={g.id} to={`/goals/${g.id}`} className="chip chip-goal">
                        ◎ {g.title}
                      </Link>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {insightTotal > insights.length && (
          <p>
            <Link to={`/?customer=${customer.id}`}>All {insightTotal} insights in the feed →</Link>
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="what-we-did">
        <h2 id="what-we-did">What we did about it</h2>
        {actions.length === 0 ? (
          <p className="muted">No action cites what this customer told us yet.</p>
        ) : (
          <ul className="customer-actions">
            {actions.map((a) => (
              <li key={a.id}>
                <div className="row">
                  <strong>{a.title}</strong>
                  <span className={`status status-${a.status}`}>{STATUS_LABELS[a.status] ?? a.status}</span>
                </div>
                <span className="muted meta-line">
                  <Link to={`/goals/${a.goal.id}`}>◎ {a.goal.title}</Link> · {a.assigneeName}
                  {a.dueDate && ` · due ${a.dueDate}`}
                </span>
                {a.cites.length > 0 && (
                  <span className="meta-line">
                    Because of:{' '}
                    {a.cites.map((c, n) => (
                      <span key={c.id}>
                        {n > 0 && ', '}
                        <Link to={`/insights/${c.id}`}>{c.title}</Link>
                      </span>
                    ))}
                  </span>
                )}
                {a.evaluations.map((e) => (
                  <p key={e.id} className="evaluation">
                    <span className={`result result-${e.result}`}>{RESULT_WORDS[e.result] ?? e.result}</span>{' '}
                    for customers — {e.note}{' '}
                    <span className="muted">
                      ({e.evaluatorName}, {timeAgo(e.at, now)})
                    </span>
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
