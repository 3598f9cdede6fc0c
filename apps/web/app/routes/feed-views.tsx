import { Link } from 'react-router';
import { SaveViewForm } from './saved-views';

/** The person's saved views as chips above the feed, and a form to name the current one. */
export function FeedViews(props: {
  views: { id: string; name: string; href: string }[];
  query: string;
  current: string | null;
  filtered: boolean;
}) {
  if (props.views.length === 0 && !props.filtered) return null;
  return (
    <div className="feed-views">
      {props.views.length > 0 && (
        <nav aria-label="Saved views" className="view-chips">
          <span className="muted">Saved views:</span>
          {props.views.map((v) => (
            <Link
              key={v.id}
              to={`${v.href}${v.href.includes('?') ? '&' : '?'}view=${v.id}`}
              className={`chip${props.current === v.id ? ' chip-current' : ''}`}
              aria-current={props.current === v.id ? 'page' : undefined}
            >
              {v.name}
            </Link>
          ))}
          <Link to="/saved-views" className="muted">
            Manage
          </Link>
        </nav>
      )}
      {props.filtered && !props.current && <SaveViewForm query={props.query} />}
    </div>
  );
}
