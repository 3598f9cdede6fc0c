import { canCurate, readScopeFor } from '@heard/domain';
import { data, Form, Link, useNavigation } from 'react-router';
import { STATUS_LABELS } from '../components/action-moves';
import { requireActor } from '../lib/auth.server';
import { initials, kindLabel, timeAgo } from '../lib/format';
import type { Route } from './+types/customer';
import { handleCustomerForm, sourceWords } from './customer.server';
import './customer-pages.css';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const [page, identity] = await Promise.all([
    context.hub.views.customerPage(readScopeFor(actor), params.id),
    context.hub.customers.identity(params.id),
  ]);
  if (!page || !identity) throw data('No customer has that id.', { status: 404 });
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
    identifiers: identity.identifiers.map((i) => ({
      ...i,
      from: sourceWords(i.source),
      addedAt: i.addedAt.toISOString(),
    })),
    merges: identity.merges.map((m) => ({
      ...m,
      at: m.at.toISOString(),
      undoneAt: m.undoneAt?.toISOString() ?? null,
      from: sourceWords(m.source),
    })),
    canCurate: canCurate(actor),
    now: new Date().toISOString(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const result = await handleCustomerForm(context, actor, params.id, await request.formData());
  return result.ok ? result : data(result, { status: 422 });
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

export default function CustomerPage({ loaderData, actionData }: Route.ComponentProps) {
  const { customer, insights, insightTotal, stories, actions, identifiers, merges } = loaderData;
  const now = new Date(loaderData.now);
  const busy = useNavigation().state === 'submitting';
  const errors: Record<string, string | undefined> = actionData && !actionData.ok ? actionData.errors : {};
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

      {actionData?.ok && (
        <p className="notice" role="status">
          {actionData.intent === 'merge' &&
            `${actionData.mergedName} is now part of this customer: identifiers, insights, evidence and stories moved here.`}
          {actionData.intent === 'unmerge' && (
            <>
              Merge undone: <Link to={`/customers/${actionData.restoredId}`}>{actionData.restoredName}</Link>{' '}
              is a customer of its own again, with what it had.
            </>
          )}
          {actionData.intent === 'value' && 'Segment and value saved.'}
        </p>
      )}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}

      <section className="panel" aria-labelledby="known-as">
        <h2 id="known-as">Known as</h2>
        <p className="muted known-as-lead">
          Every number our systems know this customer by, recognised as one customer, and where each came
          from.
        </p>
        <table className="identifier-table">
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Identifier</th>
              <th scope="col">Came from</th>
            </tr>
          </thead>
          <tbody>
            {identifiers.map((id) => (
              <tr key={`${id.system}:${id.value}`}>
                <td>{SYSTEM_LABELS[id.system] ?? id.system}</td>
                <td>
                  <code>
                    {id.system}:{id.value}
                  </code>
                </td>
                <td className="muted">
                  {id.from}
                  {id.sourceDetail && ` (${id.sourceDetail})`}
                  {id.addedByName && `, by ${id.addedByName}`}
                  {id.source !== 'earlier' && `, ${timeAgo(id.addedAt, now)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {(loaderData.canCurate || merges.length > 0) && (
        <section className="panel" aria-labelledby="merges">
          <h2 id="merges">Merges, segment and value</h2>
          {merges.length > 0 && (
            <ul className="merge-list">
              {merges.map((m) => (
                <li key={m.id}>
                  {m.role === 'survivor' ? (
                    <>
                      <strong>{m.otherName}</strong> was merged into this customer
                    </>
                  ) : (
                    <>
                      This customer was merged into <Link to={`/customers/${m.otherId}`}>{m.otherName}</Link>
                    </>
                  )}{' '}
                  <span className="muted">
                    — {m.from}
                    {m.byName && `, ${m.byName}`}, {timeAgo(m.at, now)}
                    {m.undoneAt && `; undone ${timeAgo(m.undoneAt, now)}`}
                  </span>
                  {loaderData.canCurate && !m.undoneAt && m.role === 'survivor' && (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="unmerge" />
                      <input type="hidden" name="mergeId" value={m.id} />
                      <button type="submit" className="button small" disabled={busy}>
                        Undo merge
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          )}
          {errors.mergeId && <p className="form-error">{errors.mergeId}</p>}
          {loaderData.canCurate && (
            <Form method="post" className="merge-form">
              <input type="hidden" name="intent" value="merge" />
              <label htmlFor="merge-other">Merge another record of this customer into this one</label>
              <div className="row">
                <input
                  id="merge-other"
                  name="other"
                  type="text"
                  placeholder="Name or id of the other customer"
                  aria-invalid={Boolean(errors.other)}
                  aria-describedby={errors.other ? 'merge-other-error' : undefined}
                />
                <button type="submit" className="button" disabled={busy}>
                  Merge into this customer
                </button>
              </div>
              {errors.other && (
                <p id="merge-other-error" className="form-error">
                  {errors.other}
                </p>
              )}
              {actionData && !actionData.ok && 'choices' in actionData && actionData.choices && (
                <div className="merge-choices">
                  {actionData.choices.map((c) => (
                    <button key={c.id} type="submit" name="other" value={c.id} className="button small">
                      {c.name}
                    </button>
                  ))}
                </div>
              )}
            </Form>
          )}
          {loaderData.canCurate && (
            <Form method="post" className="value-form">
              <input type="hidden" name="intent" value="value" />
              <label>
                Segment
                <input
                  name="segment"
                  type="text"
                  defaultValue={customer.segment ?? ''}
                  aria-invalid={Boolean(errors.segment)}
                />
              </label>
              <label>
                Yearly value
                <input
                  name="value"
                  type="text"
                  inputMode="decimal"
                  defaultValue={customer.value === null ? '' : String(customer.value)}
                  aria-invalid={Boolean(errors.value)}
                />
              </label>
              <button type="submit" className="button small" disabled={busy}>
                Save segment and value
              </button>
              {(errors.segment || errors.value) && (
                <p className="form-error">{errors.segment ?? errors.value}</p>
              )}
            </Form>
          )}
        </section>
      )}

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
