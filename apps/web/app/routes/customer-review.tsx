import { data, Form, Link, useNavigation } from 'react-router';
import { requireActor } from '../lib/auth.server';
import type { Route } from './+types/customer-review';
import { decideReview, requireCustomerCurator } from './customer-review.server';
import './customer-pages.css';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  requireCustomerCurator(actor, 'review customer matches');
  const { pairs, total } = await context.hub.customers.reviewPairs(50);
  return {
    total,
    pairs: pairs.map((p) => ({
      ...p,
      createdAt: p.createdAt.toISOString(),
      customer: { ...p.customer, createdAt: p.customer.createdAt.toISOString() },
      candidate: { ...p.candidate, createdAt: p.candidate.createdAt.toISOString() },
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  requireCustomerCurator(actor, 'review customer matches');
  const result = await decideReview(context, actor, await request.formData());
  return result.ok ? result : data(result, { status: 422 });
}

export const meta: Route.MetaFunction = () => [{ title: 'Customer matches to review · Heard' }];

type Side = Route.ComponentProps['loaderData']['pairs'][number]['customer'];

function Record({ side, title }: { side: Side; title: string }) {
  return (
    <div className="review-side">
      <p className="muted review-side-title">{title}</p>
      <h3>
        <Link to={`/customers/${side.id}`}>{side.name}</Link>
      </h3>
      <dl className="review-facts">
        <dt>Kind</dt>
        <dd>{side.kind === 'account' ? 'Account' : 'Person'}</dd>
        <dt>Segment</dt>
        <dd>{side.segment ?? '—'}</dd>
        <dt>Yearly value</dt>
        <dd>{side.value === null ? '—' : side.value.toLocaleString('en-GB')}</dd>
        <dt>Insights</dt>
        <dd>{side.insightCount}</dd>
      </dl>
      <ul className="identifiers compact">
        {side.identifiers.length === 0 && <li className="muted">No identifiers</li>}
        {side.identifiers.map((i) => (
          <li key={`${i.system}:${i.value}`}>
            <code>
              {i.system}:{i.value}
            </code>
            <span className="muted"> from {i.source}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function CustomerReview({ loaderData, actionData }: Route.ComponentProps) {
  const { pairs, total } = loaderData;
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="customer-review" aria-labelledby="review-title">
      <header className="page-head">
        <h1 id="review-title">Customer matches to review</h1>
        <p className="muted">
          {total === 0
            ? 'No pair waits for a decision.'
            : `${total} ${total === 1 ? 'pair was' : 'pairs were'} alike enough to ask, not to link by themselves. Confirm to merge the newcomer into the customer already known (undoable from the customer page); reject to keep them apart.`}
        </p>
      </header>
      {actionData?.ok && (
        <p className="notice" role="status">
          {actionData.decision === 'confirm' ? (
            <>
              Merged. <Link to={`/customers/${actionData.survivorId}`}>Open the customer</Link> to see
              everything in one place, or undo the merge there.
            </>
          ) : (
            'Rejected: the two stay separate customers and will not be asked about again.'
          )}
        </p>
      )}
      {actionData && !actionData.ok && (
        <p className="form-error" role="alert">
          {Object.values(actionData.errors)[0]}
        </p>
      )}
      <ol className="review-pairs">
        {pairs.map((p) => (
          <li
            key={p.id}
            className="panel review-pair"
            aria-label={`${p.customer.name} and ${p.candidate.name}`}
          >
            <div className="review-score">
              <strong>{Math.round(p.score * 100)} % alike</strong>
              <span className="muted">
                {p.reasons.join(' · ')} · via {p.source}
                {p.sourceDetail && ` (${p.sourceDetail})`}
              </span>
            </div>
            <div className="review-sides">
              <Record side={p.customer} title="New record" />
              <Record side={p.candidate} title="Already known as" />
            </div>
            <Form method="post" className="review-actions">
              <input type="hidden" name="reviewId" value={p.id} />
              <button
                type="submit"
                name="decision"
                value="confirm"
                className="button button-primary"
                disabled={busy}
              >
                Same customer: merge
              </button>
              <button type="submit" name="decision" value="reject" className="button" disabled={busy}>
                Different customers
              </button>
            </Form>
          </li>
        ))}
      </ol>
    </section>
  );
}
