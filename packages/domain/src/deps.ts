import type { ActionRepository, EvaluationRepository } from './actions/action-repository.port';
import type { AuditLog } from './audit/audit-event';
import type { CollectionRepository } from './collections/collection-repository.port';
import type { CustomerIdentityStore } from './customers/customer-identity-store.port';
import type { CustomerRepository } from './customers/customer-repository.port';
import type { GoalRepository } from './goals/goal-repository.port';
import type { InsightAttachmentRepository } from './insights/attachment-store.port';
import type { CommentRepository } from './insights/comment';
import type { InsightHistoryReader } from './insights/history';
import type { InsightRepository } from './insights/insight-repository.port';
import type { MergeRepository } from './insights/merge';
import type { SavedViewRepository } from './insights/saved-view';
import type { PersonRepository, TeamRepository } from './people/person-repository.port';
import type { PrivacyStore } from './privacy/privacy-store.port';
import type { Clock } from './shared/clock';
import type { EventOutbox } from './shared/domain-event';

/** Every store a use case may touch; inside a transaction, all bound to it. */
export interface Repositories {
  people: PersonRepository;
  teams: TeamRepository;
  goals: GoalRepository;
  insights: InsightRepository;
  actions: ActionRepository;
  evaluations: EvaluationRepository;
  customers: CustomerRepository;
  /** Matching, review and merging of customers; absent in stores that do not match references. */
  customerIdentities?: CustomerIdentityStore;
  audit: AuditLog;
  /** Intake policy for personal data and the findings kept with insights; without it the defaults apply and nothing is kept. */
  privacy?: PrivacyStore;
  outbox: EventOutbox;
  comments: CommentRepository;
  merges: MergeRepository;
  insightHistory: InsightHistoryReader;
  savedViews: SavedViewRepository;
  collections: CollectionRepository;
  attachments: InsightAttachmentRepository;
}

/** What use cases receive: the stores, a clock, and a way to make several writes one. */
export interface Deps extends Repositories {
  clock: Clock;
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}
