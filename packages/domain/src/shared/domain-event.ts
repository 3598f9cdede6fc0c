/**
 * Facts other systems must hear about (search index, chat, notifications).
 * Published inside the same transaction as the write that caused them, so a
 * crash never loses one and a rollback never sends one.
 */
export type DomainEvent =
  | { type: 'insight.posted'; insightId: string }
  | { type: 'insight.edited'; insightId: string }
  | { type: 'insight.commented'; insightId: string; commentId: string; authorId: string }
  | { type: 'insight.linked_to_goal'; insightId: string; goalId: string; linkedBy: string }
  | { type: 'story.published'; insightId: string }
  | { type: 'action.assigned'; actionId: string }
  | { type: 'evaluation.recorded'; evaluationId: string; notifyPersonIds: string[] };

export interface EventOutbox {
  publish(event: DomainEvent): Promise<void>;
}
