import { hasRole, isAdmin, type Person } from './person';

/** Curators triage, merge, tag and write stories; admins may stand in for them. */
export function canCurate(actor: Pick<Person, 'roles'>): boolean {
  return hasRole(actor, 'curator') || isAdmin(actor);
}

/** Leaders set strategic goals and name their owners; admins may stand in for them. */
export function canSetGoals(actor: Pick<Person, 'roles'>): boolean {
  return hasRole(actor, 'leader') || isAdmin(actor);
}
