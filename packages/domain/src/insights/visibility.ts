import { isAdmin, type Person } from '../people/person';
import type { Insight } from './insight';

/**
 * Who may read an insight: its reporter, its audience, and admins (who answer
 * erasure and export requests). Curators get no exception: a restricted insight
 * stays restricted from them unless they are in its audience.
 */
export function canReadInsight(
  actor: Pick<Person, 'id' | 'teamId' | 'roles'>,
  insight: Pick<Insight, 'reporterId' | 'visibility'>,
): boolean {
  if (insight.reporterId === actor.id || isAdmin(actor)) return true;
  const v = insight.visibility;
  switch (v.scope) {
    case 'everyone':
      return true;
    case 'team':
      return actor.teamId !== null && actor.teamId === v.teamId;
    case 'people':
      return v.personIds.includes(actor.id);
  }
}

/**
 * The same rule as data, so a repository can apply it inside its query (a
 * restricted insight must never be fetched and filtered afterwards).
 */
export interface ReadScope {
  personId: string;
  teamId: string | null;
  seesEverything: boolean;
}

export function readScopeFor(actor: Pick<Person, 'id' | 'teamId' | 'roles'>): ReadScope {
  return { personId: actor.id, teamId: actor.teamId, seesEverything: isAdmin(actor) };
}

/** Reporters and curators who can read it may edit; admins always. */
export function canEditInsight(
  actor: Pick<Person, 'id' | 'teamId' | 'roles'>,
  insight: Pick<Insight, 'reporterId' | 'visibility'>,
): boolean {
  if (!canReadInsight(actor, insight)) return false;
  return insight.reporterId === actor.id || actor.roles.includes('curator') || isAdmin(actor);
}
