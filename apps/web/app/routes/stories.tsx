import type { StoryCard } from '@heard/db';
import { canCurate, readScopeFor } from '@heard/domain';
import { Link } from 'react-router';
import { StoryFeature, StoryTile, type StoryView } from '../components/story-card';
import { requireActor } from '../lib/auth.server';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import type { Route } from './+types/stories';
import { handleOrderForm } from './stories.server';
import { OrderedCollection } from './stories-order';

const toView = (story: StoryCard): StoryView => ({ ...story, publishedAt: story.publishedAt.toISOString() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(context, request);
  const scope = readScopeFor(actor);
  const url = new URL(request.url);
  // The opaque feed cursor carries a story's position just as well: when it was published, and its id.
  const cursor = decodeCursor(url.searchParams.get('after'));
  const after = cursor && { publishedAt: cursor.createdAt, insightId: cursor.id };
  const [page, collections] = await Promise.all([
    context.hub.views.publishedStories(scope, after),
    after ? Promise.resolve([]) : context.hub.views.publishedCollections(scope),
  ]);
  return {
    stories: page.stories.map(toView),
    collections: collections.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      stories: c.stories.map(toView),
    })),
    nextHref: page.next
      ? `/stories?after=${encodeCursor({ createdAt: page.next.publishedAt, id: page.next.insightId })}`
      : null,
    isFirstPage: !after,
    published: url.searchParams.get('published'),
    canCurate: canCurate(actor),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(context, request);
  return handleOrderForm(context, actor, await request.formData());
}

export const meta: Route.MetaFunction = () => [{ title: 'Customer stories · Heard' }];

export default function Stories({ loaderData }: Route.ComponentProps) {
  const { stories, collections, nextHref, isFirstPage, published } = loaderData;
  const lead = isFirstPage ? stories[0] : undefined;
  const rest = lead ? stories.slice(1) : stories;
  return (
    <div className="magazine">
      <header className="masthead">
        <p className="kicker">Heard · Customer stories</p>
        <h1>Stories from the field</h1>
        <p className="dek">
          What customers told the people who talk to them every day, told well: picked and written up by our
          curators, each one tied to the goal it serves.
        </p>
        {loaderData.canCurate && (
          <Link to="/curation" className="button">
            Find the next story in the queue
          </Link>
        )}
      </header>
      {published && stories.some((s) => s.insightId === published) && (
        <p className="notice" role="status">
          Published. The story is on this page now and goes out with the next digests.
        </p>
      )}
      {stories.length === 0 && collections.length === 0 ? (
        <div className="empty panel">
          <h2>No stories published yet</h2>
          <p className="muted">
            When curators turn an insight into a story, it appears here, with the customer's own words.
          </p>
        </div>
      ) : (
        <>
          {lead && <StoryFeature story={lead} />}
          {collections.map((c) => (
            <section key={c.id} className="collection" aria-labelledby={`col-${c.id}`}>
              <header>
                <p className="kicker">Collection</p>
                <h2 id={`col-${c.id}`}>{c.title}</h2>
                {c.description && <p className="dek">{c.description}</p>}
              </header>
              <OrderedCollection collectionId={c.id} stories={c.stories} canReorder={loaderData.canCurate} />
            </section>
          ))}
          {rest.length > 0 && (
            <section aria-labelledby="more-stories">
              <h2 id="more-stories" className="section-title">
                {isFirstPage ? 'More stories' : 'Earlier stories'}
              </h2>
              <div className="story-grid">
                {rest.map((s) => (
                  <StoryTile key={s.insightId} story={s} />
                ))}
              </div>
            </section>
          )}
        </>
      )}
      <nav className="pager" aria-label="Pages">
        {!isFirstPage && <Link to="/stories">↑ Latest stories</Link>}
        <span className="spacer" />
        {nextHref && (
          <Link to={nextHref} className="button" rel="next">
            Earlier stories →
          </Link>
        )}
      </nav>
    </div>
  );
}
