import type {
  ApiTokenStore,
  CollectionView,
  CustomerPage,
  GoalOrder,
  GoalPage,
  listActionsFor,
  listGoalSummaries,
  NotificationStore,
  PeopleAdmin,
  ProcessHealth,
  StoryCursor,
  StoryPage,
} from '@heard/db';
import type { CustomerRepository, Deps, Goal, Person, ReadScope, SearchIndex, Team } from '@heard/domain';
import type { SingleSignOn } from '../server/auth/oidc';
import type { AccountsHub } from './accounts-context';

/** What the server hands every loader and action: the use cases' deps and who is asking. */
export interface HubContext {
  deps: Deps;
  /** The signed-in person, or null; resolved from the session cookie before the route runs. */
  actor: Person | null;
  sessions: {
    signIn(email: string, password: string): Promise<{ cookie: string } | null>;
    signOut(request: Request): Promise<string>;
  };
  /** Rate-limited sign-in, password reset and invitation links, sign out everywhere. */
  accounts: AccountsHub;
  /** The configured search engine (with its PostgreSQL fallback). */
  search: SearchIndex;
  /** The signed-in person's in-app inbox, filled by the job worker. */
  notifications: NotificationStore;
  /** The signed-in person's REST API tokens (Settings); `personForToken` stays with the API. */
  apiTokens: Pick<ApiTokenStore, 'create' | 'list' | 'revoke'>;
  /** "Sign in with …" (OpenID Connect), when OIDC_* is configured. */
  singleSignOn: SingleSignOn | null;
  /** Roles, teams and deactivation for the admins' people page (the route checks the role). */
  peopleAdmin: PeopleAdmin;
  /** Pages' read models: what a page shows in one go, visibility applied inside. */
  views: {
    /** Goals with the customer value behind them, over the insights the scope may read. */
    goalSummaries(scope: ReadScope, order?: GoalOrder): ReturnType<typeof listGoalSummaries>;
    goalPage(scope: ReadScope, goalId: string): Promise<GoalPage | null>;
    actionsFor(personId: string): ReturnType<typeof listActionsFor>;
    /** Insights in triage state `new` that the scope may read. */
    curationCount(scope: ReadScope): Promise<number>;
    publishedStories(scope: ReadScope, after: StoryCursor | null): Promise<StoryPage>;
    publishedCollections(scope: ReadScope): Promise<CollectionView[]>;
    customerPage(scope: ReadScope, customerId: string): Promise<CustomerPage | null>;
    /** Process-health figures for leaders: aggregates over all insights, no content. */
    processHealth(): Promise<ProcessHealth>;
  };
  lookups: {
    teams(): Promise<Team[]>;
    activeGoals(): Promise<Goal[]>;
    people(): Promise<Person[]>;
    /** Customer segments in use, for filters. */
    segments(): Promise<string[]>;
    customers: CustomerRepository['search'];
  };
  /** One-time links from Slack and Teams that tie a chat account to the signed-in person. */
  chatLinks: import('./routes/link-chat.server').ChatLinkStore;
  /** The signed-in person's digest subscriptions and archive; signed unsubscribe links. */
  digests: import('@heard/db').DigestsHub;
  /** Where uploaded attachments and their thumbnails are kept (HEARD_UPLOADS_DIR). */
  uploadsDir: string;
  /** Demo sign-ins to offer on the sign-in page, when the demo organisation was seeded. */
  /** Privacy, audit, retention, erasure and export; pages check the person is an admin first. */
  governance: import('@heard/db').GovernanceHub;
  demoSignIns: { name: string; email: string; role: string }[];
  /** Customer identities, the review queue, value bands and imports (pages check roles first). */
  customers: import('@heard/db').CustomersHub;
  demoPassword: string | null;
}

declare module 'react-router' {
  interface AppLoadContext {
    hub: HubContext;
  }
}
