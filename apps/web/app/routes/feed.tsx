import { INSIGHT_KINDS, SENTIMENTS, SOURCE_KINDS } from '@heard/domain';
import { Form, Link, useSearchParams } from 'react-router';
import { InsightCard } from '../components/insight-card';
import { requireActor } from '../lib/auth.server';
import { kindLabel, sourceLabel } from '../lib/format';
import type { Route } from './+types/feed';
import { loadFeed } from './feed.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  return loadFeed(context, actor, new URL(request.url));
}

export const meta: Route.MetaFunction = () => [{ title: 'Feed · Heard' }];

export default function Feed({ loaderData }: Route.ComponentProps) {
  const { items, nextHref, isFirstPage, filters, goals, teams, segments, sort } = loaderData;
  const [params] = useSearchParams();
  const now = new Date(loaderData.now);
  const filtered = Object.values(filters).some((v) => v !== undefined) || sort !== 'newest';
  return (
    <div className="feed-layout">
      <section aria-labelledby="feed-title">
        <div className="feed-head">
          <h1 id="feed-title">What customers are telling us</h1>
          <Form method="get" className="filters" aria-label="Filter the feed">
            <select name="kind" defaultValue={filters.kind ?? ''} aria-label="Kind">
              <option value="">Every kind</option>
              {INSIGHT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
            <select name="source" defaultValue={filters.source ?? ''} aria-label="Source">
              <option value="">Every source</option>
              {SOURCE_KINDS.map((s) => (
                <option key={s} value={s}>
                  {sourceLabel(s)}
                </option>
              ))}
            </select>
            <select name="goal" defaultValue={filters.goalId ?? ''} aria-label="Goal">
              <option value="">Every goal</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
            <select name="sentiment" defaultValue={filters.sentiment ?? ''} aria-label="Sentiment">
              <option value="">Any sentiment</option>
              {SENTIMENTS.map((v) => (
                <option key={v} value={v}>
                  {v[0]!.toUpperCase() + v.slice(1)}
                </option>
              ))}
            </select>
            <select name="team" defaultValue={filters.teamId ?? ''} aria-label="Reporter's team">
              <option value="">Every team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <select name="segment" defaultValue={filters.segment ?? ''} aria-label="Customer segment">
              <option value="">Every segment</option>
              {segments.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            <label className="date-filter">
              From
              <input type="date" name="from" defaultValue={filters.from ?? ''} />
            </label>
            <label className="date-filter">
              To
              <input type="date" name="to" defaultValue={filters.to ?? ''} />
            </label>
            <select name="sort" defaultValue={sort} aria-label="Sort by">
              <option value="newest">Newest</option>
              <option value="evidence">Most evidence</option>
              <option value="reactions">Most reactions</option>
              <option value="customer_value">Most customer value</option>
            </select>
            {params.get('tag') && <input type="hidden" name="tag" value={params.get('tag') ?? ''} />}
            {params.get('customer') && (
              <input type="hidden" name="customer" value={params.get('customer') ?? ''} />
            )}
            <button type="submit" className="button">
              Filter
            </button>
            {filtered && (
              <Link to="/" className="link-button">
                Clear
              </Link>
            )}
          </Form>
        </div>
        {params.get('posted') && (
          <p className="notice" role="status">
            Shared. Thank you: it is at the top of the feed, and you will hear what becomes of it.
          </p>
        )}
        {filters.tag && <p className="muted">Tagged #{filters.tag}</p>}
        {items.length === 0 ? (
          <div className="empty panel">
            <h2>{filtered ? 'Nothing matches these filters' : 'Nothing shared yet'}</h2>
            <p>
              {filtered ? 'Try fewer filters, or ' : 'Be the first: '}
              <Link to="/post">share what you heard from a customer</Link>.
            </p>
          </div>
        ) : (
          <ol className="feed" aria-label="Insights, newest first">
            {items.map((item) => (
              <li key={item.id}>
                <InsightCard insight={item} now={now} />
              </li>
            ))}
          </ol>
        )}
        <nav className="pager" aria-label="Pages">
          {!isFirstPage && (
            <Link
              to={`/?${new URLSearchParams([...params.entries()].filter(([k]) => k !== 'after' && k !== 'page'))}`}
            >
              ↑ Back to the top
            </Link>
          )}
          <span className="spacer" />
          {nextHref && (
            <Link to={nextHref} className="button" rel="next">
              Older insights →
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
