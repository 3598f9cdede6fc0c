import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { DomainError, ForbiddenError, ValidationError } from '../../shared/errors';
import { loadReadableInsight } from '../load-readable';
import type { InsightMerge } from '../merge';
import { audienceCovers } from './merge-rules';

export interface MergeInsightsInput {
  actor: Person;
  /** The insight that says the same as the survivor; it will redirect there. */
  duplicateId: string;
  survivorId: string;
}

/**
 * Curators fold a duplicate into the insight that stays: evidence, reactions (one per
 * person and emoji), goal links, customers and comments move; nothing is deleted, and
 * the merge can be undone exactly.
 */
export async function mergeInsights(deps: Deps, input: MergeInsightsInput): Promise<InsightMerge> {
  if (!canCurate(input.actor)) {
    throw new ForbiddenError('CURATION.NOT_CURATOR', 'Only curators may merge insights.');
  }
  if (input.duplicateId === input.survivorId) {
    throw new ValidationError([
      {
        field: 'survivorId',
        code: 'MERGE.SAME_INSIGHT',
        message: 'Pick another insight to keep: an insight cannot be merged into itself.',
      },
    ]);
  }
  const duplicate = await loadReadableInsight(deps, input.actor, input.duplicateId);
  const survivor = await loadReadableInsight(deps, input.actor, input.survivorId);
  if (await deps.merges.findActiveByDuplicate(duplicate.id)) {
    throw new DomainError(
      'MERGE.ALREADY_MERGED',
      'That insight was already merged into another one.',
      'conflict',
    );
  }
  if (await deps.merges.findActiveByDuplicate(survivor.id)) {
    throw new ValidationError([
      {
        field: 'survivorId',
        code: 'MERGE.SURVIVOR_MERGED',
        message: 'The insight to keep was itself merged away: pick the one it was merged into.',
      },
    ]);
  }
  if (!audienceCovers(duplicate.visibility, survivor.visibility)) {
    throw new ValidationError([
      {
        field: 'survivorId',
        code: 'MERGE.WOULD_WIDEN_AUDIENCE',
        message:
          'The duplicate is restricted to fewer people than the insight to keep, so its comments and reactions would reach people who may not read them. Keep the more restricted one instead.',
      },
    ]);
  }
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const merge = await tx.merges.merge({
      duplicateId: duplicate.id,
      survivorId: survivor.id,
      mergedBy: input.actor.id,
      at: now,
    });
    const details = { mergeId: merge.id, duplicateId: duplicate.id, survivorId: survivor.id };
    await recordAudit(
      tx.audit,
      input.actor.id,
      'insight.merged_into',
      { type: 'insight', id: duplicate.id },
      now,
      details,
    );
    await recordAudit(
      tx.audit,
      input.actor.id,
      'insight.absorbed',
      { type: 'insight', id: survivor.id },
      now,
      details,
    );
    // Both search entries change: the duplicate leaves the index, the survivor gains counts and customers.
    await tx.outbox.publish({ type: 'insight.edited', insightId: duplicate.id });
    await tx.outbox.publish({ type: 'insight.edited', insightId: survivor.id });
    return merge;
  });
}
