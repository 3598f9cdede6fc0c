import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import { isAdmin, type Person } from '../../people/person';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import { type Action, type ActionStatus, canMoveAction } from '../action';

export interface UpdateActionStatusInput {
  actor: Person;
  actionId: string;
  status: ActionStatus;
}

/** The assignee (or the goal's owner, or an admin) moves an action along. */
export async function updateActionStatus(deps: Deps, input: UpdateActionStatusInput): Promise<Action> {
  const action = await deps.actions.findById(input.actionId);
  if (!action) throw new NotFoundError('ACTION.NOT_FOUND', 'No action has that id.');
  const goal = await deps.goals.findById(action.goalId);
  const mayUpdate =
    action.assigneeId === input.actor.id || goal?.ownerId === input.actor.id || isAdmin(input.actor);
  if (!mayUpdate)
    throw new ForbiddenError(
      'ACTION.NOT_ALLOWED',
      'Only the assignee or the goal owner may move this action.',
    );
  if (action.status === input.status) return action;
  if (!canMoveAction(action.status, input.status)) {
    throw new ValidationError([
      {
        field: 'status',
        code: 'ACTION.INVALID_MOVE',
        message: `An action that is ${action.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}; reopen it first.`,
      },
    ]);
  }
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    const updated = await tx.actions.setStatus(action.id, input.status, now);
    await recordAudit(
      tx.audit,
      input.actor.id,
      'action.status_changed',
      { type: 'action', id: action.id },
      now,
      {
        from: action.status,
        to: input.status,
      },
    );
    return updated;
  });
}
