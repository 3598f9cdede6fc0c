import type { Visibility } from '@heard/domain';
import { Link } from 'react-router';
import { initials, kindLabel, sourceLabel, timeAgo } from '../lib/format';
import { Chips } from './chips';

export interface InsightCardData {
  id: string;
  title: string;
  html: string;
  kind: string;
  sentiment: string;
  source: { kind: string; url: string | null };
  reporter: { name: string; teamName: string | null };
  customers: { id: string; name: string; segment: string | null }[];
  goals: { id: string; title: string }[];
  tags: string[];
  visibility: Visibility;
  hasStory: boolean;
  evidenceCount: number;
  reactionCount: number;
  createdAt: string;
}

/** One insight in the feed: what was heard, from whom, about whom, and what it serves. */
export function InsightCard({ insight, now }: { insight: InsightCardData; now: Date }) {
  return (
    <article className={`card kind-${insight.kind}`} aria-labelledby={`t-${insight.id}`}>
      <div className="card-meta">
        <span className={`badge badge-${insight.kind}`}>{kindLabel(insight.kind)}</span>
        <span
          className={`sentiment sentiment-${insight.sentiment}`}
          title={`Sentiment: ${insight.sentiment}`}
        />
        {insight.hasStory && <span className="badge badge-story">Story</span>}
        {insight.visibility.scope !== 'everyone' && (
          <span className="badge badge-restricted" title="Not everyone can see this insight">
            {insight.visibility.scope === 'team' ? 'Team only' : 'Restricted'}
          </span>
        )}
        <span className="spacer" />
        <time dateTime={insight.createdAt}>{timeAgo(insight.createdAt, now)}</time>
      </div>
      <h2 id={`t-${insight.id}`} className="card-title">
        <Link to={`/insights/${insight.id}`}>{insight.title}</Link>
      </h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderMarkdown */}
      <div className="card-body prose" dangerouslySetInnerHTML={{ __html: insight.html }} />
      <Chips customers={insight.customers} goals={insight.goals} tags={insight.tags} />
      <footer className="card-footer">
        <span className="avatar small" aria-hidden="true">
          {initials(insight.reporter.name)}
        </span>
        <span>
          {insight.reporter.name}
          {insight.reporter.teamName && <span className="muted"> · {insight.reporter.teamName}</span>}
        </span>
        <span className="muted">
          via{' '}
          {insight.source.url ? (
            <a href={insight.source.url} rel="noreferrer noopener" target="_blank">
              {sourceLabel(insight.source.kind)}
            </a>
          ) : (
            sourceLabel(insight.source.kind)
          )}
        </span>
        <span className="spacer" />
        <span className="count" title="Reactions and me-too">
          {insight.reactionCount} {insight.reactionCount === 1 ? 'reaction' : 'reactions'}
        </span>
        {insight.evidenceCount > 0 && (
          <span className="count" title="Further customers who say the same">
            +{insight.evidenceCount} {insight.evidenceCount === 1 ? 'customer' : 'customers'}
          </span>
        )}
      </footer>
    </article>
  );
}
