import type { Clock, PiiPolicy, RetentionPolicy, SearchIndex } from '@heard/domain';
import type { AttachmentFiles } from './attachment-files';
import { type AuditSearch, listAuditActions, searchAuditEvents } from './audit-search';
import { type CustomerMatch, findCustomersByIdentifier } from './customer-lookup';
import { countDataMapRows } from './data-map.query';
import { eraseCustomer } from './erase-customer';
import { type AttachmentReader, exportCustomer } from './export-customer';
import { createPrivacyStore, loadPiiPolicy, revealOriginals, savePiiPolicy } from './privacy-store';
import {
  applyRetention,
  deleteRetentionPolicy,
  listLegalHolds,
  listRetentionPolicies,
  listRetentionRuns,
  placeLegalHold,
  releaseLegalHold,
  saveRetentionPolicy,
} from './retention';
import type { Sql } from './sql';

export interface GovernanceOptions {
  clock?: Clock;
  /** Indexes an erasure rewrites at once (the outbox also reaches them through the index job). */
  searchIndexes?: readonly SearchIndex[];
  readAttachment?: AttachmentReader;
}

/**
 * What the hub's admin pages call: privacy policy, audit log, retention and legal holds,
 * data-subject requests and the data map. Every caller checks that the person is an admin.
 */
export function createGovernanceHub(sql: Sql, options: GovernanceOptions = {}) {
  const now = () => options.clock?.now() ?? new Date();
  const privacy = createPrivacyStore(sql);
  return {
    piiPolicy: () => loadPiiPolicy(sql),
    savePiiPolicy: (policy: PiiPolicy, by: string) => savePiiPolicy(sql, policy, by, now()),
    findings: (insightId: string) => privacy.findingsFor(insightId),
    revealOriginals: (insightId: string, readerId: string) =>
      revealOriginals(sql, insightId, readerId, now()),
    searchAudit: (search: AuditSearch) => searchAuditEvents(sql, search),
    auditActions: () => listAuditActions(sql),
    retentionPolicies: () => listRetentionPolicies(sql),
    saveRetentionPolicy: (policy: Omit<RetentionPolicy, 'id'>, by: string) =>
      saveRetentionPolicy(sql, policy, by, now()),
    deleteRetentionPolicy: (id: string, by: string) => deleteRetentionPolicy(sql, id, by, now()),
    legalHolds: () => listLegalHolds(sql),
    placeLegalHold: (hold: {
      subjectType: 'customer' | 'insight';
      subjectId: string;
      reason: string;
      by: string;
    }) => placeLegalHold(sql, { ...hold, at: now() }),
    releaseLegalHold: (id: string, by: string) => releaseLegalHold(sql, id, by, now()),
    retentionRuns: () => listRetentionRuns(sql),
    applyRetentionNow: () => applyRetention(sql, { now: now() }),
    findCustomers: (identifier: string) => findCustomersByIdentifier(sql, identifier),
    /** `files`: the hub's stored attachment files, put in the zip. */
    exportCustomer: (customer: CustomerMatch, actorId: string, files?: AttachmentFiles) =>
      exportCustomer(sql, customer, {
        actorId,
        at: now(),
        via: 'web',
        readAttachment: files ? (a) => files.read(a) : options.readAttachment,
      }),
    /** `files`: the hub's stored attachment files, deleted with the customer's insights' attachments. */
    eraseCustomer: (customer: CustomerMatch, actorId: string, files?: AttachmentFiles) =>
      eraseCustomer(sql, customer, {
        actorId,
        at: now(),
        via: 'web',
        searchIndexes: options.searchIndexes ?? [],
        attachmentFiles: files,
      }),
    dataMapCounts: () => countDataMapRows(sql),
  };
}

export type GovernanceHub = ReturnType<typeof createGovernanceHub>;
