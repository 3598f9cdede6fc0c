import { readScopeFor, type SearchFacet } from '@heard/domain';
import { useEffect, useRef } from 'react';
import { Form, Link, useNavigation, useSearchParams, useSubmit } from 'react-router';
import { requireActor } from '../lib/auth.server';
import { kindLabel, sourceLabel, timeAgo } from '../lib/format';
import type { Route } from './+types/search';
import { FACET_PARAM, FACETS, PAGE_SIZE, readSearchParams } from './search.schema';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const { text, filters, sort, page } = readSearchParams(new URL(request.url).searchParams);
  const [result, goals, teams] = await Promise.all([
    context.hub.search.search({
      text,
      scope: readScopeFor(actor),
      filters,
      sort: text ? sort : sort === 'relevance' ? 'newest' : sort,
      facets: FACETS,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    context.hub.lookups.activeGoals(),
    context.hub.lookups.teams(),
  ]);
  const names: Record<string, string> = {
    ...Object.fromEntries(goals.map((g) => [g.id, g.title])),
    ...Object.fromEntries(teams.map((t) => [t.id, t.name])),
  };
  return {
    text,
    page,
    hits: result.hits.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    total: result.total,
    totalIsExact: result.totalIsExact,
    facets: result.facets,
    names,
    now: new Date().toISOString(),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data?.text ? `${data.text} · Search · Heard` : 'Search · Heard' },
];

const FACET_TITLES: Record<SearchFacet, string> = {
  kind: 'Kind',
  source: 'Source',
  sentiment: 'Sentiment',
  goal: 'Goal',
  tag: 'Tag',
  team: 'Team',
  segment: 'Segment',
  triage: 'Triage',
  hasStory: 'Story',
};

function facetLabel(facet: SearchFacet, value: string, names: Record<string, string>): string {
  if (facet === 'kind') return kindLabel(value);
  if (facet === 'source') return sourceLabel(value);
  if (facet === 'hasStory') return value === 'true' ? 'Has a story' : 'No story';
  if (facet === 'tag') return `#${value}`;
  return names[value] ?? value.charAt(0).toUpperCase() + value.slice(1);
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { text, hits, total, totalIsExact, facets, names, page } = loaderData;
  const [params] = useSearchParams();
  const submit = useSubmit();
  const searching = useNavigation().state === 'loading';
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const now = new Date(loaderData.now);
  const toggle = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    if (next.get(key) === value) next.delete(key);
    else next.set(key, value);
    return `/search?${next}`;
  };
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `/search?${next}`;
  };
  return (
    <div className="search-layout">
      <h1 className="visually-hidden">Search insights</h1>
      <Form
        method="get"
        className="search-form"
        onChange={(event) => {
          const form = event.currentTarget;
          clearTimeout(timer.current);
          // Results follow the typing without a request per keystroke.
          timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 150);
        }}
      >
        <input
          type="search"
          name="q"
          defaultValue={text}
          placeholder='Search everything customers told us: words, "a phrase", -exclude'
          aria-label="Search insights"
          // biome-ignore lint/a11y/noAutofocus: the search page exists to type into
          autoFocus
        />
        {[...params.entries()]
          .filter(([key]) => !['q', 'page', 'sort', 'from', 'to'].includes(key))
          .map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
        <label className="date-filter">
          From
          <input type="date" name="from" defaultValue={params.get('from') ?? ''} />
        </label>
        <label className="date-filter">
          To
          <input type="date" name="to" defaultValue={params.get('to') ?? ''} />
        </label>
        <select name="sort" defaultValue={params.get('sort') ?? 'relevance'} aria-label="Sort by">
          <option value="relevance">Best match</option>
          <option value="newest">Newest</option>
          <option value="evidence">Most evidence</option>
          <option value="customer_value">Most customer value</option>
        </select>
      </Form>
      <aside className="facets" aria-label="Narrow the results">
        {FACETS.map((facet) => {
          const counts = Object.entries(facets[facet] ?? {})
            .sort((a, b) => b[1] - a[1])
            .slice(0, 8);
          if (counts.length === 0) return null;
          const key = FACET_PARAM[facet];
          return (
            <section key={facet}>
              <h2>{FACET_TITLES[facet]}</h2>
              <ul>
                {counts.map(([value, count]) => (
                  <li key={value}>
                    <Link
                      to={toggle(key, value)}
                      className={params.get(key) === value ? 'facet active' : 'facet'}
                      replace
                    >
                      <span>{facetLabel(facet, value, names)}</span>
                      <span className="muted">{count.toLocaleString('en')}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </aside>
      <section className={searching ? 'results busy' : 'results'} aria-live="polite">
        <p className="muted">
          {total === 0
            ? text
              ? `Nothing you can see matches "${text}".`
              : 'Nothing matches these filters.'
            : `${totalIsExact ? '' : 'More than '}${total.toLocaleString('en')} ${total === 1 ? 'insight' : 'insights'}`}
        </p>
        <ol className="hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <Link to={`/insights/${hit.id}`} className="hit-title">
                {hit.title}
              </Link>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the engine escapes the text and only adds <mark> */}
              <p className="hit-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              <time className="muted" dateTime={hit.createdAt}>
                {timeAgo(hit.createdAt, now)}
              </time>
            </li>
          ))}
        </ol>
        <nav className="pager" aria-label="Pages">
          {page > 1 && <Link to={pageHref(page - 1)}>← Previous</Link>}
          <span className="spacer" />
          {page * PAGE_SIZE < total && (
            <Link to={pageHref(page + 1)} className="button" rel="next">
              More results →
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
