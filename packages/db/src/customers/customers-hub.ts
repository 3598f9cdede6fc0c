import { rm } from 'node:fs/promises';
import type postgres from 'postgres';
import type { ImportSummary } from '../import';
import { importCustomers } from '../import/import-customers';
import { importInsights } from '../import/import-insights';
import { findImportRun, type ImportRun, listImportRuns } from '../import/import-run.store';
import type { ColumnMapping, ImportKind } from '../import/mapping';
import { loadCustomerIdentity, updateCustomerValue } from './customer-identity.query';
import { loadParetoView } from './pareto.query';
import { countPendingReviews, listReviewPairs } from './review-queue.query';

/** What the hub's customer, review, value and import pages need, in one place. */
export interface CustomersHub {
  identity: (customerId: string) => ReturnType<typeof loadCustomerIdentity>;
  reviewPairs: (limit?: number) => ReturnType<typeof listReviewPairs>;
  pendingReviews: () => Promise<number>;
  pareto: () => ReturnType<typeof loadParetoView>;
  setValue: (
    customerId: string,
    change: { segment: string | null; value: number | null },
  ) => Promise<boolean>;
  importRuns: () => Promise<ImportRun[]>;
  importRun: (id: string) => Promise<ImportRun | null>;
  /**
   * Starts importing an uploaded file in the background and answers with the run's id as soon as
   * the run exists (after the header was read); the file is removed when the import ends.
   */
  startImport: (input: {
    kind: ImportKind;
    filePath: string;
    fileName: string;
    source: string;
    map: ColumnMapping;
    actorId: string;
  }) => Promise<string>;
}

// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export function createCustomersHub(sql: postgres.Sql<{}>): CustomersHub {
  return {
    identity: (customerId) => loadCustomerIdentity(sql, customerId),
    reviewPairs: (limit) => listReviewPairs(sql, limit),
    pendingReviews: () => countPendingReviews(sql),
    pareto: () => loadParetoView(sql),
    setValue: (customerId, change) => updateCustomerValue(sql, customerId, change),
    importRuns: () => listImportRuns(sql),
    importRun: (id) => (/^[0-9a-f-]{36}$/i.test(id) ? findImportRun(sql, id) : Promise.resolve(null)),
    startImport: (input) =>
      new Promise<string>((resolve, reject) => {
        const options = { ...input, onRunStarted: resolve };
        const running: Promise<ImportSummary> =
          input.kind === 'customers' ? importCustomers(sql, options) : importInsights(sql, options);
        // A refusal after the run started is on the run (status failed, with the reason); before, it is the answer.
        running.catch(reject).finally(() => rm(input.filePath, { force: true }));
      }),
  };
}
