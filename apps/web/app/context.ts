import type { NotificationStore } from '@heard/db';
import type { CustomerRepository, Deps, Goal, Person, SearchIndex, Team } from '@heard/domain';

/** What the server hands every loader and action: the use cases' deps and who is asking. */
export interface HubContext {
  deps: Deps;
  /** The signed-in person, or null; resolved from the session cookie before the route runs. */
  actor: Person | null;
  sessions: {
    signIn(email: string, password: string): Promise<{ cookie: string } | null>;
    signOut(request: Request): Promise<string>;
  };
  /** The configured search engine (with its PostgreSQL fallback). */
  search: SearchIndex;
  /** The signed-in person's in-app inbox, filled by the job worker. */
  notifications: NotificationStore;
  lookups: {
    teams(): Promise<Team[]>;
    activeGoals(): Promise<Goal[]>;
    people(): Promise<Person[]>;
    customers: CustomerRepository['search'];
  };
  /** Demo sign-ins to offer on the sign-in page, when the demo organisation was seeded. */
  demoSignIns: { name: string; email: string; role: string }[];
  demoPassword: string | null;
}

declare module 'react-router' {
  interface AppLoadContext {
    hub: HubContext;
  }
}
