import type { ActionRepository, EvaluationRepository } from './actions/action-repository.port';
import type { AuditLog } from './audit/audit-event';
import type { CustomerIdentityStore } from './customers/customer-identity-store.port';
import type { CustomerRepository } from './customers/customer-repository.port';
import type { GoalRepository } from './goals/goal-repository.port';
import type { InsightRepository } from './insights/insight-repository.port';
import type { PersonRepository, TeamRepository } from './people/person-repository.port';
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
  outbox: EventOutbox;
}

/** What use cases receive: the stores, a clock, and a way to make several writes one. */
export interface Deps extends Repositories {
  clock: Clock;
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}
