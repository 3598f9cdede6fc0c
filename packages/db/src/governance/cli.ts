import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { SearchIndex } from '@heard/domain';
import type { AttachmentFiles } from './attachment-files';
import { findCustomersByIdentifier } from './customer-lookup';
import { eraseCustomer } from './erase-customer';
import { customerExportZip, exportCustomer } from './export-customer';
import type { Sql } from './sql';

export const GOVERNANCE_USAGE = `  export-customer <identifier> [--out <file.zip>]
                  everything Heard holds about one customer (JSON + attachments) as a zip
  erase-customer <identifier> --yes
                  erase one customer everywhere and print each place reached`;

export const GOVERNANCE_COMMANDS = ['export-customer', 'erase-customer'] as const;

/**
 * `pnpm heard export-customer|erase-customer <identifier>`: the admin page's data-subject
 * requests from the command line; recorded in the audit log as done from the command line.
 * Returns the process exit code.
 */
export async function runGovernanceCommand(
  sql: Sql,
  command: (typeof GOVERNANCE_COMMANDS)[number],
  args: string[],
  options: {
    searchIndexes: readonly SearchIndex[];
    print: (line: string) => void;
    now?: Date;
    /** The hub's stored attachment files (HEARD_UPLOADS_DIR). */
    attachmentFiles?: AttachmentFiles;
  },
): Promise<number> {
  const identifier = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out');
  if (!identifier) {
    options.print(
      `Name the customer: pnpm heard ${command} <identifier> (an email, crm:981, or a customer id).`,
    );
    return 2;
  }
  const matches = (await findCustomersByIdentifier(sql, identifier)).filter((m) => !m.erasedAt);
  if (matches.length !== 1) {
    options.print(
      matches.length === 0
        ? 'No customer has that identifier (an erased customer cannot be found by their old identifiers).'
        : `Several customers match; run again with one of their ids:\n${matches.map((m) => `  ${m.id}  ${m.name}`).join('\n')}`,
    );
    return 1;
  }
  const customer = matches[0]!;
  const at = options.now ?? new Date();
  if (command === 'export-customer') {
    const outAt = args.indexOf('--out');
    const out = outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : `heard-customer-${customer.id}.zip`;
    const files = options.attachmentFiles;
    const data = await exportCustomer(sql, customer, {
      actorId: null,
      at,
      via: 'cli',
      readAttachment: files ? (a) => files.read(a) : undefined,
    });
    await pipeline(customerExportZip(data), createWriteStream(out));
    const insights = (data.json.insights as unknown[]).length;
    options.print(
      `Wrote ${out}: ${customer.name}, ${insights} insights, ${data.attachments.length} attachment files.`,
    );
    return 0;
  }
  if (!args.includes('--yes')) {
    options.print(
      `This erases ${customer.name} (${customer.identifiers.map((i) => `${i.system}:${i.value}`).join(', ')}) everywhere and cannot be undone. Run again with --yes.`,
    );
    return 1;
  }
  try {
    const report = await eraseCustomer(sql, customer, {
      actorId: null,
      at,
      via: 'cli',
      searchIndexes: options.searchIndexes,
      attachmentFiles: options.attachmentFiles,
    });
    for (const step of report.steps)
      options.print(`${String(step.count).padStart(6)}  ${step.place}: ${step.note}`);
    options.print(
      report.remaining.length === 0
        ? `Erased in ${report.milliseconds} ms. Checked afterwards: found nowhere in the database or the search index.`
        : `Erased in ${report.milliseconds} ms, but still found: ${JSON.stringify(report.remaining)}`,
    );
    return report.remaining.length === 0 ? 0 : 1;
  } catch (error) {
    if ((error as { code?: string }).code === 'CUSTOMER.ON_LEGAL_HOLD') {
      options.print((error as Error).message);
      return 1;
    }
    throw error;
  }
}
