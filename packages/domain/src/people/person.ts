export const ROLES = ['frontline', 'curator', 'owner', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A department or silo: Sales, Support, Billing, Product … */
export interface Team {
  id: string;
  name: string;
  slug: string;
}

/** A member of the organisation; one person may hold several roles. */
export interface Person {
  id: string;
  email: string;
  name: string;
  teamId: string | null;
  roles: Role[];
  /** Chat identities, so a message from Slack or Teams is attributed to the right person. */
  chat: { slackUserId?: string | null; teamsAadObjectId?: string | null };
  createdAt: Date;
}

export function hasRole(person: Pick<Person, 'roles'>, role: Role): boolean {
  return person.roles.includes(role);
}

export function isAdmin(person: Pick<Person, 'roles'>): boolean {
  return hasRole(person, 'admin');
}
