import { Readable } from 'node:stream';
import {
  type AttachmentFiles,
  attachmentFilesIn,
  type CustomerExport,
  type CustomerMatch,
  customerExportZip,
  type GovernanceHub,
} from '@heard/db';

/** The one customer a request names, or a sentence saying what to do instead. */
export async function resolveCustomer(
  governance: GovernanceHub,
  identifier: string,
  customerId?: string,
): Promise<{ ok: true; customer: CustomerMatch } | { ok: false; error: string; matches: CustomerMatch[] }> {
  if (!identifier.trim() && !customerId)
    return { ok: false, error: 'Enter a customer identifier.', matches: [] };
  const matches = await governance.findCustomers(customerId || identifier);
  const live = matches.filter((m) => !m.erasedAt);
  if (live.length === 1) return { ok: true, customer: live[0]! };
  if (live.length > 1)
    return { ok: false, error: 'Several customers match: choose one below.', matches: live };
  return {
    ok: false,
    error: matches.length ? 'That customer was already erased.' : 'No customer has that identifier.',
    matches: [],
  };
}

/** An erasure the database refused because a legal hold covers the customer. */
export function isErasureRefused(error: unknown): error is Error {
  return (error as { code?: string } | null)?.code === 'CUSTOMER.ON_LEGAL_HOLD';
}

/** The export as a zip stream a Response can carry. */
export function zipBody(exported: CustomerExport): ReadableStream {
  return Readable.toWeb(customerExportZip(exported)) as ReadableStream;
}

/** The hub's stored attachment files, for the export zip and for erasure. */
export function uploadedFiles(uploadsDir: string): AttachmentFiles {
  return attachmentFilesIn(uploadsDir);
}
