import { Link } from 'react-router';

/** Customers (to their page), goals and tags (filtering the feed) as links. */
export function Chips({
  customers,
  goals = [],
  tags,
}: {
  customers: { id: string; name: string; segment: string | null }[];
  goals?: { id: string; title: string }[];
  tags: string[];
}) {
  return (
    <div className="chips">
      {customers.map((c) => (
        <Link key={c.id} to={`/customers/${c.id}`} className="chip chip-customer">
          {c.name}
          {c.segment && <small>{c.segment}</small>}
        </Link>
      ))}
      {goals.map((g) => (
        <Link key={g.id} to={`/?goal=${g.id}`} className="chip chip-goal">
          ◎ {g.title}
        </Link>
      ))}
      {tags.map((t) => (
        <Link key={t} to={`/?tag=${encodeURIComponent(t)}`} className="chip chip-tag">
          #{t}
        </Link>
      ))}
    </div>
  );
}
