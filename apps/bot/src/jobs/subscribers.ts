import type { DomainEvent } from '@heard/domain';

/**
 * Which jobs each domain event fans out to. Later integrations (search
 * indexing, Slack, Teams) add their job names here; each runs and retries on its own.
 */
export const SUBSCRIBERS: Record<DomainEvent['type'], readonly string[]> = {
  'insight.posted': ['notify-in-app', 'index-insight', 'notify-chat'],
  'insight.edited': ['index-insight', 'chat-refresh-cards'],
  'insight.commented': ['notify-in-app'],
  'insight.linked_to_goal': ['notify-in-app', 'index-insight', 'notify-chat', 'chat-refresh-cards'],
  'story.published': ['index-insight', 'chat-publish-story'],
  'action.assigned': ['notify-in-app', 'notify-chat'],
  'evaluation.recorded': ['notify-in-app', 'notify-chat'],
};
