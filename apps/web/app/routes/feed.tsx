import { INSIGHT_KINDS, SENTIMENTS, SOURCE_KINDS } from '@heard/domain';
import { Form, Link, useSearchParams } from 'react-router';
import { FilterSelect } from '../components/filter-select';
import { InsightCard } from '../components/insight-card';
import { requireActor } from '../lib/auth.server';
import { kindLabel, sourceLabel } from '../lib/format';
import type { Route } from './+types/feed';
import { loadFeed } from './feed.server';
import { FeedViews } from './feed-views';
import { SubscribeLink, scopeQueryFromFilters } from './subscription-list';

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
            <FilterSelect
              name="kind"
              label="Kind"
              anyLabel="Every kind"
              value={filters.kind}
              options={INSIGHT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            />
            <FilterSelect
              name="source"
              label="Source"
              anyLabel="Every source"
              value={filters.source}
              options={SOURCE_KINDS.map((k) => ({ value: k, label: sourceLabel(k) }))}
            />
            <FilterSelect
              name="goal"
              label="Goal"
              anyLabel="Every goal"
              value={filters.goalId}
              options={goals.map((g) => ({ value: g.id, label: g.title }))}
            />
            <FilterSelect
              name="sentiment"
              label="Sentiment"
              anyLabel="Any sentiment"
              value={filters.sentiment}
              options={SENTIMENTS.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }))}
            />
            <FilterSelect
              name="team"
              label="Reporter's team"
              anyLabel="Every team"
              value={filters.teamId}
              options={teams.map((t) => ({ value: t.id, label: t.name }))}
            />
            <FilterSelect
              name="segment"
              label="Customer segment"
              anyLabel="Every segment"
              value={filters.segment}
              options={segments.map((v) => ({ value: v, label: v }))}
            />
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
        <FeedViews
          views={loaderData.views}
          query={loaderData.viewQuery}
          current={params.get('view')}
          filtered={filtered}
        />
        {params.get('posted') && (
          <p className="notice" role="status">
            Shared. Thank you: it is at the top of the feed, and you will hear what becomes of it.
          </p>
        )}
        {filters.tag && <p className="muted">Tagged #{filters.tag}</p>}
        {scopeQueryFromFilters(filters) && (
          <p className="subscribe-scope">
            <SubscribeLink {...scopeQueryFromFilters(filters)!} />
          </p>
        )}
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
