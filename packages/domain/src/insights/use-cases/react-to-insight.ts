import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { ValidationError } from '../../shared/errors';
import { ME_TOO } from '../insight';
import { loadReadableSurvivor } from '../load-readable';

export interface ReactToInsightInput {
  actor: Person;
  insightId: string;
  /** An emoji name such as "fire", or "me-too". */
  emoji?: string;
}

/** Adds a reaction once per person and emoji; reacting twice changes nothing. */
export async function reactToInsight(deps: Deps, input: ReactToInsightInput): Promise<{ added: boolean }> {
  const emoji = (input.emoji ?? ME_TOO).trim().replace(/^:|:$/g, '');
  if (emoji.length === 0 || emoji.length > 64) {
    throw new ValidationError([
      { field: 'emoji', code: 'REACTION.INVALID', message: 'Pick an emoji name of up to 64 characters.' },
    ]);
  }
  const insight = await loadReadableSurvivor(deps, input.actor, input.insightId);
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const added = await tx.insights.addReaction({
      insightId: insight.id,
      personId: input.actor.id,
      emoji,
      createdAt: now,
    });
    if (added) await tx.outbox.publish({ type: 'insight.edited', insightId: insight.id });
    return { added };
  });
}
