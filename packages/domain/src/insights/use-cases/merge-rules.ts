import type { Repositories } from '../../deps';
import { DomainError } from '../../shared/errors';
import type { Insight, Visibility } from '../insight';

/** An insight that was merged away takes no more writes: they belong on the survivor. */
export async function loadLiveInsight(repos: Pick<Repositories, 'merges'>, insight: Insight): Promise<void> {
  const merge = await repos.merges.findActiveByDuplicate(insight.id);
  if (merge) {
    throw new DomainError(
      'INSIGHT.MERGED',
      'This insight was merged into another one: add to that one instead.',
      'conflict',
    );
  }
}

/**
 * Whether what was said under `from` may be shown to `to`'s readers: comments and
 * reactions move with a merge, so the survivor may not reach people the duplicate did not.
 */
export function audienceCovers(from: Visibility, to: Visibility): boolean {
  if (from.scope === 'everyone') return true;
  if (from.scope === 'team') return to.scope === 'team' && to.teamId === from.teamId;
  return to.scope === 'people' && to.personIds.every((id) => from.personIds.includes(id));
}
