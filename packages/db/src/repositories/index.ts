import type { Clock, Deps, Repositories } from '@heard/domain';
import { systemClock } from '@heard/domain';
import type postgres from 'postgres';
import { createCustomerIdentityStore } from '../customers/identity-store';
import { createPrivacyStore } from '../governance/privacy-store';
import {
  createAttachmentRepository,
  createCollectionRepository,
  createCommentRepository,
  createInsightHistoryReader,
  createMergeRepository,
  createSavedViewRepository,
} from '../insights-extra';
import { createActionRepository, createEvaluationRepository } from './action.repository';
import { createAuditLog } from './audit.repository';
import { createCustomerRepository } from './customer.repository';
import type { Db } from './db';
import { createGoalRepository } from './goal.repository';
import { createInsightRepository } from './insight.repository';
import { createOutbox } from './outbox';
import { createPersonRepository, createTeamRepository } from './person.repository';

/** Every repository bound to one connection or transaction. */
export function createRepositories(db: Db): Repositories {
  return {
    people: createPersonRepository(db),
    teams: createTeamRepository(db),
    goals: createGoalRepository(db),
    insights: createInsightRepository(db),
    actions: createActionRepository(db),
    evaluations: createEvaluationRepository(db),
    customers: createCustomerRepository(db),
    customerIdentities: createCustomerIdentityStore(db),
    audit: createAuditLog(db),
    privacy: createPrivacyStore(db),
    outbox: createOutbox(db),
    comments: createCommentRepository(db),
    merges: createMergeRepository(db),
    insightHistory: createInsightHistoryReader(db),
    savedViews: createSavedViewRepository(db),
    collections: createCollectionRepository(db),
    attachments: createAttachmentRepository(db),
  };
}

/** What the domain's use cases need, on PostgreSQL; `transaction` binds every repository to one transaction. */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export function createDeps(sql: postgres.Sql<{}>, clock: Clock = systemClock): Deps {
  return {
    ...createRepositories(sql),
    clock,
    transaction: (work) => sql.begin((tx) => work(createRepositories(tx as unknown as Db))) as never,
  };
}
