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
