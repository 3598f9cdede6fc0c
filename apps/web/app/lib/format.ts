const KIND_LABELS: Record<string, string> = {
  story: 'Story',
  pain: 'Pain',
  request: 'Request',
  praise: 'Praise',
  churn_risk: 'Churn risk',
  idea: 'Idea',
  observation: 'Observation',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

const SOURCE_LABELS: Record<string, string> = {
  slack: 'Slack',
  teams: 'Teams',
  web: 'Web',
  api: 'API',
  import: 'Import',
  email: 'Email',
};

export const sourceLabel = (source: string): string => SOURCE_LABELS[source] ?? source;

/** "3 h ago", "yesterday", "12 Oct": how long ago, in the words people use. */
export function timeAgo(date: Date | string, now: Date = new Date()): string {
  const then = typeof date === 'string' ? new Date(date) : date;
  const seconds = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 172_800) return 'yesterday';
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)} days ago`;
  return (then.getFullYear() === now.getFullYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(then);
}

// Made once: toLocaleDateString builds a new formatter on every call, which a feed of dates feels.
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** "1 insight", "3 insights": a count with its noun in the right number. */
export const countOf = (n: number, singular: string, plural = `${singular}s`): string =>
  `${n} ${n === 1 ? singular : plural}`;
