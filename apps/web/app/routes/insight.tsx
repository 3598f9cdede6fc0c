import { data, Form, Link, useNavigation, useSearchParams } from 'react-router';
import { Chips } from '../components/chips';
import { governanceLinks } from '../components/governance-nav';
import { InsightPrivacy } from '../components/insight-privacy';
import { requireActor } from '../lib/auth.server';
import { kindLabel, sourceLabel, timeAgo } from '../lib/format';
import { loadInsightPrivacy } from '../lib/insight-privacy.server';
import type { Route } from './+types/insight';
import { isOversizedRequest } from './attachments.server';
import { handleInsightForm, loadInsightPage } from './insight.server';
import { InsightAttachments } from './insight-attachments';
import { InsightComments } from './insight-comments';
import { InsightHistory, MergedHere } from './insight-history';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const page = await loadInsightPage(context, actor, params.id, url);
  return { ...page, privacy: await loadInsightPrivacy(context, actor, page.insight.id, url) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  if (isOversizedRequest(request)) {
    return data(
      {
        intent: 'attach' as const,
        ok: false as const,
        errors: {
          attachments: 'These files are too large together: choose fewer or smaller ones.',
        } as Record<string, string>,
        values: {},
      },
      { status: 413 },
    );
  }
  return handleInsightForm(context, actor, params.id, await request.formData());
}

export const links: Route.LinksFunction = governanceLinks;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.insight.title ?? 'Insight'} · Heard` },
];

export default function InsightPage({ loaderData, actionData }: Route.ComponentProps) {
  const { insight, reporter, customers, goals } = loaderData;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'me-too';
  const [params] = useSearchParams();
  const refused = actionData && 'ok' in actionData && !actionData.ok ? actionData : null;
  return (
    <article className="panel insight-page">
      <p className="crumbs">
        <Link to="/">← Feed</Link>
      </p>
      {params.get('restored') && (
        <p className="notice" role="status">
          Merge undone: this insight is back with its own evidence, reactions and comments.
        </p>
      )}
      {loaderData.arrivedFrom && (
        <p className="notice" role="status">
          {`“${loaderData.arrivedFrom.title}” was merged into this insight: its evidence, reactions and comments are here now.`}
        </p>
      )}
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
      <InsightPrivacy insightId={insight.id} privacy={loaderData.privacy} />
      <Chips customers={customers} tags={insight.tags} />
      <InsightAttachments
        attachments={loaderData.attachments}
        canAttach={loaderData.canAttach}
        error={refused?.intent === 'attach' ? (refused.errors.attachments ?? refused.errors.form) : undefined}
        added={actionData && 'added' in actionData && actionData.intent === 'attach' ? actionData.added : 0}
      />
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
        <input type="hidden" name="intent" value="me-too" />
        <button type="submit" className="button" disabled={busy}>
          Me too · {insight.reactionCount}
        </button>
        <span className="muted">{insight.evidenceCount} further customers say the same</span>
        {actionData && 'added' in actionData && !actionData.added && (
          <span className="muted">You already said "me too".</span>
        )}
      </Form>
      <MergedHere
        merged={loaderData.mergedHere}
        canCurate={loaderData.canCurate}
        error={refused?.intent === 'undo-merge' ? refused.errors.form : undefined}
      />
      <InsightComments
        comments={loaderData.comments}
        now={loaderData.now}
        error={refused?.intent === 'comment' ? (refused.errors.body ?? refused.errors.form) : undefined}
        typed={refused?.intent === 'comment' ? refused.values.body : undefined}
      />
      <InsightHistory history={loaderData.history} now={loaderData.now} />
    </article>
  );
}
