import { Link } from 'react-router';
import { kindLabel } from '../lib/format';

/** A published story as the wire carries it to the stories page. */
export interface StoryView {
  insightId: string;
  headline: string;
  summary: string;
  pullQuote: string | null;
  heroMedia: { kind: 'image' | 'video'; url: string; alt: string } | null;
  kind: string;
  curatorName: string;
  publishedAt: string;
  customers: { id: string; name: string; segment: string | null }[];
  goals: { id: string; title: string }[];
}

/** "12 Oct 2026", the same on the server and in the browser whatever their time zones. */
export const publishedOn = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The story's picture or film; without one, a block in the colour of its kind. */
export function StoryHero({ story, size }: { story: StoryView; size: 'lead' | 'tile' | 'thumb' }) {
  const media = story.heroMedia;
  if (media?.kind === 'image')
    return <img className={`story-hero story-hero-${size}`} src={media.url} alt={media.alt} loading="lazy" />;
  if (media?.kind === 'video')
    return (
      // biome-ignore lint/a11y/useMediaCaption: curators link short clips; the description stands in for captions
      <video
        className={`story-hero story-hero-${size}`}
        src={media.url}
        controls
        preload="metadata"
        aria-label={media.alt}
      />
    );
  return (
    <div className={`story-hero story-hero-${size} tone tone-${story.kind}`} aria-hidden="true">
      <span className="tone-mark">“</span>
      {size !== 'thumb' && (
        <>
          <span className="tone-who">{story.customers.map((c) => c.name).join(' · ')}</span>
          <span className="tone-kind">{kindLabel(story.kind)}</span>
        </>
      )}
    </div>
  );
}

function PullQuote({ story }: { story: StoryView }) {
  if (!story.pullQuote) return null;
  return (
    <blockquote className="pull-quote">
      <p>{story.pullQuote}</p>
      {story.customers[0] && <footer>{story.customers.map((c) => c.name).join(', ')}</footer>}
    </blockquote>
  );
}

function StoryFacts({ story }: { story: StoryView }) {
  return (
    <>
      {(story.customers.length > 0 || story.goals.length > 0) && (
        <div className="chips">
          {story.customers.map((c) => (
            <Link key={c.id} to={`/customers/${c.id}`} className="chip chip-customer">
              {c.name}
              {c.segment && <small>{c.segment}</small>}
            </Link>
          ))}
          {story.goals.map((g) => (
            <Link key={g.id} to={`/goals/${g.id}`} className="chip chip-goal">
              ◎ {g.title}
            </Link>
          ))}
        </div>
      )}
      <p className="story-byline">
        <span>
          Curated by {story.curatorName} ·{' '}
          <time dateTime={story.publishedAt}>{publishedOn(story.publishedAt)}</time>
        </span>
        <Link to={`/insights/${story.insightId}`}>Read the insight →</Link>
      </p>
    </>
  );
}

/** The newest story, told big: picture first, headline, the customer's words, then the why. */
export function StoryFeature({ story }: { story: StoryView }) {
  return (
    <article
      id={`story-${story.insightId}`}
      className="story-feature"
      aria-labelledby={`h-${story.insightId}`}
    >
      <StoryHero story={story} size="lead" />
      <div className="story-text">
        <p className="kicker">{kindLabel(story.kind)} · Latest story</p>
        <h2 id={`h-${story.insightId}`} className="story-headline">
          {story.headline}
        </h2>
        <PullQuote story={story} />
        <p className="story-summary">{story.summary}</p>
        <StoryFacts story={story} />
      </div>
    </article>
  );
}

/** A story in the grid below the lead. */
export function StoryTile({ story }: { story: StoryView }) {
  return (
    <article id={`story-${story.insightId}`} className="story-tile" aria-labelledby={`h-${story.insightId}`}>
      <StoryHero story={story} size="tile" />
      <div className="story-text">
        <p className="kicker">{kindLabel(story.kind)}</p>
        <h3 id={`h-${story.insightId}`} className="story-headline">
          {story.headline}
        </h3>
        <PullQuote story={story} />
        <p className="story-summary">{story.summary}</p>
        <StoryFacts story={story} />
      </div>
    </article>
  );
}

/** A story as an entry of a collection's reading list. */
export function StoryEntry({ story, position }: { story: StoryView; position: number }) {
  return (
    <article className="collection-entry" aria-labelledby={`c-${story.insightId}`}>
      <StoryHero story={story} size="thumb" />
      <div className="collection-entry-text">
        <span className="collection-number" aria-hidden="true">
          {String(position).padStart(2, '0')}
        </span>
        <div>
          <h3 id={`c-${story.insightId}`}>
            <Link to={`/insights/${story.insightId}`} className="collection-link">
              {story.headline}
            </Link>
          </h3>
          {story.pullQuote && <p className="collection-quote">“{story.pullQuote}”</p>}
          <p className="muted meta-line">
            {story.customers.map((c) => c.name).join(', ') || 'Across customers'}
          </p>
        </div>
      </div>
    </article>
  );
}
