import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { DomainError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { loadReadableInsight } from '../load-readable';
import type { InsightMerge } from '../merge';

export interface UndoMergeInput {
  actor: Person;
  mergeId: string;
}

/** Puts a merged duplicate back as it was, with what moved returned to it. */
export async function undoMerge(deps: Deps, input: UndoMergeInput): Promise<InsightMerge> {
  if (!canCurate(input.actor)) {
    throw new ForbiddenError('CURATION.NOT_CURATOR', 'Only curators may undo a merge.');
  }
  const merge = await deps.merges.findById(input.mergeId);
  if (!merge) throw new NotFoundError('MERGE.NOT_FOUND', 'No merge with that id.');
  await loadReadableInsight(deps, input.actor, merge.duplicateId);
  await loadReadableInsight(deps, input.actor, merge.survivorId);
  if (merge.undoneAt) {
    throw new DomainError('MERGE.ALREADY_UNDONE', 'That merge was already undone.', 'conflict');
  }
  // What moved may have moved on again; reversing out of order would lose it.
  if (await deps.merges.findActiveByDuplicate(merge.survivorId)) {
    throw new DomainError(
      'MERGE.UNDO_LATER_FIRST',
      'The insight kept by this merge was merged again since: undo that later merge first.',
      'conflict',
    );
  }
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    await tx.merges.undo(merge.id, input.actor.id, now);
    for (const [id, otherId] of [
      [merge.duplicateId, merge.survivorId],
      [merge.survivorId, merge.duplicateId],
    ] as const) {
      await recordAudit(tx.audit, input.actor.id, 'insight.merge_undone', { type: 'insight', id }, now, {
        mergeId: merge.id,
        otherId,
      });
      await tx.outbox.publish({ type: 'insight.edited', insightId: id });
    }
    return { ...merge, undoneAt: now, undoneBy: input.actor.id };
  });
}
