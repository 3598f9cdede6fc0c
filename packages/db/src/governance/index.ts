export { anonymiseInsights, scrubJson, scrubText } from './anonymise-insights';
export { type AttachmentFiles, attachmentFilesIn } from './attachment-files';
export {
  type AuditRow,
  type AuditSearch,
  auditEventsToCsv,
  listAuditActions,
  searchAuditEvents,
} from './audit-search';
export { GOVERNANCE_COMMANDS, GOVERNANCE_USAGE, runGovernanceCommand } from './cli';
export { type CustomerMatch, findCustomersByIdentifier, insightIdsOfCustomer } from './customer-lookup';
export { countDataMapRows } from './data-map.query';
export {
  ErasureRefusedError,
  type ErasureReport,
  type ErasureStep,
  eraseCustomer,
  erasureNeedles,
} from './erase-customer';
export {
  type AttachmentReader,
  type CustomerExport,
  customerExportZip,
  exportCustomer,
} from './export-customer';
export { findEverywhere, type PlaceHit, textColumns } from './find-everywhere';
export { createGovernanceHub, type GovernanceHub, type GovernanceOptions } from './hub';
export { createPrivacyStore, loadPiiPolicy, revealOriginals, savePiiPolicy } from './privacy-store';
export {
  applyRetention,
  deleteRetentionPolicy,
  type LegalHold,
  listLegalHolds,
  listRetentionPolicies,
  listRetentionRuns,
  placeLegalHold,
  type RetentionReport,
  type RetentionReportItem,
  releaseLegalHold,
  saveRetentionPolicy,
} from './retention';
export type { Sql as GovernanceSql } from './sql';
