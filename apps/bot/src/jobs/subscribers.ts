import type { DomainEvent } from '@heard/domain';

/**
 * Which jobs each domain event fans out to. Later integrations (search
 * indexing, Slack, Teams) add their job names here; each runs and retries on its own.
 */
export const SUBSCRIBERS: Record<DomainEvent['type'], readonly string[]> = {
  'insight.posted': ['notify-in-app', 'index-insight'],
  'insight.edited': ['index-insight'],
  'insight.commented': ['notify-in-app'],
  'insight.linked_to_goal': ['notify-in-app', 'index-insight'],
  'story.published': ['index-insight'],
  'action.assigned': ['notify-in-app'],
  'evaluation.recorded': ['notify-in-app'],
};
