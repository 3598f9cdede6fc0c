import { loadReadableInsight, reactToInsight } from '@heard/domain';
import { Form, Link, useNavigation } from 'react-router';
import { Chips } from '../components/chips';
import { requireActor } from '../lib/auth.server';
import { rethrowAsResponse } from '../lib/errors.server';
import { kindLabel, sourceLabel, timeAgo } from '../lib/format';
import { renderMarkdown } from '../lib/markdown.server';
import type { Route } from './+types/insight';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const { deps } = context.hub;
  const insight = await loadReadableInsight(deps, actor, params.id).catch(rethrowAsResponse);
  const [reporter, customers, goals] = await Promise.all([
    deps.people.findById(insight.reporterId),
    deps.customers.findByIds(insight.customerIds),
    deps.goals.findByIds(insight.goals.map((g) => g.goalId)),
  ]);
  return {
    insight: {
      id: insight.id,
      title: insight.title,
      html: renderMarkdown(insight.body),
      kind: insight.kind,
      sentiment: insight.sentiment,
      source: insight.source,
      tags: insight.tags,
      triage: insight.triage,
      story: insight.story && {
        headline: insight.story.headline,
        summary: insight.story.summary,
        pullQuote: insight.story.pullQuote,
        status: insight.story.status,
      },
      evidenceCount: insight.evidenceCount,
      reactionCount: insight.reactionCount,
      createdAt: insight.createdAt.toISOString(),
    },
    reporter: reporter ? { name: reporter.name } : null,
    customers: customers.map((c) => ({ id: c.id, name: c.name, segment: c.segment })),
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      rationale: insight.goals.find((l) => l.goalId === g.id)?.rationale ?? null,
    })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  const result = await reactToInsight(context.hub.deps, { actor, insightId: params.id }).catch(
    rethrowAsResponse,
  );
  return { added: result.added };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.insight.title ?? 'Insight'} · Heard` },
];

export default function InsightPage({ loaderData, actionData }: Route.ComponentProps) {
  const { insight, reporter, customers, goals } = loaderData;
  const busy = useNavigation().state === 'submitting';
  return (
    <article className="panel insight-page">
      <p className="crumbs">
        <Link to="/">← Feed</Link>
      </p>
      <div className="card-meta">
        <span className={`badge badge-${insight.kind}`}>{kindLabel(insight.kind)}</span>
        <span
          className={`sentiment sentiment-${insight.sentiment}`}
          title={`Sentiment: ${insight.sentiment}`}
        />
        <span className="muted">Triage: {insight.triage}</span>
      </div>
      <h1>{insight.title}</h1>
      <p className="muted">
        Shared by {reporter?.name ?? 'a former colleague'} {timeAgo(insight.createdAt)} via{' '}
        {insight.source.url ? (
          <a href={insight.source.url} rel="noreferrer noopener" target="_blank">
            the original {sourceLabel(insight.source.kind)} message
          </a>
        ) : (
          sourceLabel(insight.source.kind)
        )}
      </p>
      {insight.story && (
        <aside className="story">
          <strong>
            {insight.story.status === 'published' ? 'Customer story' : 'Story draft'}:{' '}
            {insight.story.headline}
          </strong>
          <p>{insight.story.summary}</p>
          {insight.story.pullQuote && <blockquote>{insight.story.pullQuote}</blockquote>}
        </aside>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderMarkdown */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: insight.html }} />
      <Chips customers={customers} tags={insight.tags} />
      {goals.length > 0 && (
        <section>
          <h2>Serves</h2>
          <ul className="goal-links">
            {goals.map((g) => (
              <li key={g.id}>
                <Link to={`/?goal=${g.id}`}>◎ {g.title}</Link>
                {g.rationale && <span className="muted"> — {g.rationale}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Form method="post" className="row">
        <button type="submit" className="button" disabled={busy}>
          Me too · {insight.reactionCount}
        </button>
        <span className="muted">{insight.evidenceCount} further customers say the same</span>
        {actionData && !actionData.added && <span className="muted">You already said "me too".</span>}
      </Form>
    </article>
  );
}
