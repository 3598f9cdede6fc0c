export { IMPORT_USAGE, runImportCommand } from './cli';
export { importCustomers, rowToReference, sourceSystem } from './import-customers';
export { importInsights } from './import-insights';
export { findImportRun, type ImportRun, listImportRuns, type Rejection } from './import-run.store';
export { type ColumnMapping, IMPORT_FIELDS, type ImportKind, loadMapping } from './mapping';
export { GUARANTEE, ImportRefused, type ImportSummary } from './run-import';
export { describeCounts, summaryText } from './summary-text';
