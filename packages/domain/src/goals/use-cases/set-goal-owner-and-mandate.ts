import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canSetGoals } from '../../people/policies';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import type { Goal, Mandate } from '../goal';
import { checkOwnerAndMandate } from '../goal-rules';

export interface SetGoalOwnerAndMandateInput {
  actor: Person;
  goalId: string;
  ownerId: string;
  mandate: Mandate;
}

/** A leader hands a goal to a (new) owner or changes what the owner may decide. */
export async function setGoalOwnerAndMandate(deps: Deps, input: SetGoalOwnerAndMandateInput): Promise<Goal> {
  if (!canSetGoals(input.actor))
    throw new ForbiddenError('GOAL.NOT_LEADER', 'Only leaders may name owners and mandates.');
  const goal = await deps.goals.findById(input.goalId);
  if (!goal) throw new NotFoundError('GOAL.NOT_FOUND', 'No goal has that id.');
  (await checkOwnerAndMandate(deps, input.ownerId, input.mandate)).throwIfAny();
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const updated = await tx.goals.setOwnerAndMandate(goal.id, input.ownerId, {
      statement: input.mandate.statement.trim(),
      teamIds: [...new Set(input.mandate.teamIds)],
    });
    await recordAudit(
      tx.audit,
      input.actor.id,
      'goal.owner_and_mandate_set',
      { type: 'goal', id: goal.id },
      now,
      {
        previousOwnerId: goal.ownerId,
        ownerId: input.ownerId,
      },
    );
    return updated;
  });
}
