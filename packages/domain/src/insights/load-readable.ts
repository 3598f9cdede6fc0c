import type { Repositories } from '../deps';
import type { Person } from '../people/person';
import { NotFoundError } from '../shared/errors';
import type { Insight } from './insight';
import { canReadInsight } from './visibility';

/**
 * Loads an insight the actor may read. One that exists but is restricted
 * answers exactly like one that does not exist, so its existence does not leak.
 */
export async function loadReadableInsight(
  repos: Pick<Repositories, 'insights'>,
  actor: Person,
  insightId: string,
): Promise<Insight> {
  const insight = await repos.insights.findById(insightId);
  if (!insight || !canReadInsight(actor, insight)) {
    throw new NotFoundError('INSIGHT.NOT_FOUND', 'No insight with that id, or it is not visible to you.');
  }
  return insight;
}

/**
 * Loads the insight a reaction or evidence should land on: a merged duplicate stands for its
 * survivor, so a "me too" sent from an old chat card or API link is not lost on the duplicate.
 * The actor must be able to read the survivor too.
 */
export async function loadReadableSurvivor(
  repos: Pick<Repositories, 'insights' | 'merges'>,
  actor: Person,
  insightId: string,
): Promise<Insight> {
  let insight = await loadReadableInsight(repos, actor, insightId);
  // Merges can chain (a survivor merged again later); follow them to the end.
  for (let hops = 0; hops < 10; hops++) {
    const merge = await repos.merges.findActiveByDuplicate(insight.id);
    if (!merge) return insight;
    insight = await loadReadableInsight(repos, actor, merge.survivorId);
  }
  return insight;
}
