import { isAdmin, type Person } from '../people/person';
import type { Goal } from './goal';

/** A decision with the reason for a refusal, so every edge can explain it the same way. */
export type Decision = { allowed: true } | { allowed: false; code: string; reason: string };

const allow: Decision = { allowed: true };

/**
 * Only the goal's owner (or an admin) may assign, and only to people inside the
 * mandate's teams: the mandate is what gives the owner the right to direct them.
 */
export function canAssignAction(
  actor: Pick<Person, 'id' | 'roles'>,
  goal: Pick<Goal, 'ownerId' | 'mandate' | 'status' | 'title'>,
  assignee: Pick<Person, 'teamId' | 'name'>,
): Decision {
  if (actor.id !== goal.ownerId && !isAdmin(actor)) {
    return {
      allowed: false,
      code: 'GOAL.NOT_OWNER',
      reason: `Only the owner of "${goal.title}" may assign actions under it.`,
    };
  }
  if (goal.status !== 'active') {
    return {
      allowed: false,
      code: 'GOAL.NOT_ACTIVE',
      reason: `"${goal.title}" is ${goal.status}; actions go under active goals.`,
    };
  }
  if (assignee.teamId === null || !goal.mandate.teamIds.includes(assignee.teamId)) {
    return {
      allowed: false,
      code: 'ACTION.ASSIGNEE_OUTSIDE_MANDATE',
      reason: `${assignee.name} is not in a team the mandate of "${goal.title}" covers.`,
    };
  }
  return allow;
}

/** The owner records what came of the goal's actions; admins may stand in. */
export function canEvaluate(actor: Pick<Person, 'id' | 'roles'>, goal: Pick<Goal, 'ownerId'>): boolean {
  return actor.id === goal.ownerId || isAdmin(actor);
}
