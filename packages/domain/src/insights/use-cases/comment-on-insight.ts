import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { IssueCollector } from '../../shared/errors';
import { checkText } from '../../shared/validate';
import { type Comment, MAX_COMMENT_LENGTH } from '../comment';
import { loadReadableInsight } from '../load-readable';
import { loadLiveInsight } from './merge-rules';

export interface CommentOnInsightInput {
  actor: Person;
  insightId: string;
  body: string;
}

/** Anyone who may read an insight may comment on it; its reporter hears about it in their inbox. */
export async function commentOnInsight(deps: Deps, input: CommentOnInsightInput): Promise<Comment> {
  const issues = new IssueCollector();
  checkText(issues, 'body', input.body, {
    label: 'The comment',
    code: 'COMMENT.BODY',
    required: true,
    max: MAX_COMMENT_LENGTH,
  });
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  issues.throwIfAny();
  await loadLiveInsight(deps, insight);
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const comment = await tx.comments.add({
      insightId: insight.id,
      authorId: input.actor.id,
      body: input.body.trim(),
      createdAt: now,
    });
    await recordAudit(
      tx.audit,
      input.actor.id,
      'insight.commented',
      { type: 'insight', id: insight.id },
      now,
      {
        commentId: comment.id,
      },
    );
    await tx.outbox.publish({
      type: 'insight.commented',
      insightId: insight.id,
      commentId: comment.id,
      authorId: input.actor.id,
    });
    return comment;
  });
}

export interface ListCommentsInput {
  actor: Person;
  insightId: string;
}

/** The comments on an insight the actor may read, oldest first. */
export async function listInsightComments(deps: Deps, input: ListCommentsInput): Promise<Comment[]> {
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  return deps.comments.listByInsight(insight.id);
}
