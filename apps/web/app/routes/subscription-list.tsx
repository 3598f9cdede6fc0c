import { Form, Link } from 'react-router';

const CHANNEL_LABEL: Record<string, string> = {
  slack: 'Slack DM',
  teams: 'Teams chat',
  email: 'Email',
  web: 'Web only',
};

export interface SubscriptionRow {
  id: string;
  scopeLabel: string;
  cadenceLabel: string;
  channel: string;
}

/** The reader's subscriptions with an unsubscribe button each; used by Subscriptions and Settings. */
export function SubscriptionList({ subscriptions }: { subscriptions: SubscriptionRow[] }) {
  if (subscriptions.length === 0) {
    return <p className="muted">You follow no digest yet.</p>;
  }
  return (
    <ul className="inbox-list subscription-list">
      {subscriptions.map((s) => (
        <li key={s.id}>
          <span>
            <strong>{s.scopeLabel}</strong>
            <br />
            <span className="muted">
              {s.cadenceLabel} · {CHANNEL_LABEL[s.channel] ?? s.channel}
            </span>
          </span>
          <Form method="post" action="/subscriptions">
            <input type="hidden" name="intent" value="unsubscribe" />
            <input type="hidden" name="subscriptionId" value={s.id} />
            <button type="submit" className="button" aria-label={`Unsubscribe from ${s.scopeLabel}`}>
              Unsubscribe
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

/** A "Subscribe" link that opens the subscribe form with the scope chosen. */
export function SubscribeLink({ query, label = 'Subscribe' }: { query: string; label?: string }) {
  return (
    <Link className="button" to={`/subscriptions?${query}#subscribe`}>
      {label}
    </Link>
  );
}

/** The digest scope a filtered feed stands for (tag, team, segment or goal), as a subscribe link. */
export function scopeQueryFromFilters(filters: {
  tag?: string;
  teamId?: string;
  segment?: string;
  goalId?: string;
}): { query: string; label: string } | null {
  if (filters.tag)
    return { query: `tag=${encodeURIComponent(filters.tag)}`, label: `Subscribe to #${filters.tag}` };
  if (filters.teamId)
    return { query: `team=${encodeURIComponent(filters.teamId)}`, label: 'Subscribe to this team' };
  if (filters.segment) {
    return {
      query: `segment=${encodeURIComponent(filters.segment)}`,
      label: `Subscribe to ${filters.segment}`,
    };
  }
  if (filters.goalId)
    return { query: `goal=${encodeURIComponent(filters.goalId)}`, label: 'Subscribe to this goal' };
  return null;
}
