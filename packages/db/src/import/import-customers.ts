import { type CustomerReference, normaliseReference } from '@heard/domain';
import type postgres from 'postgres';
import { phoneNormaliser } from '../customers/phone';
import { type LineReference, matchCustomerBatch } from './customer-batch';
import { parseAmount, parseCustomerKind } from './parse-value';
import { type ImportOptions, type ImportSummary, type MappedRow, runImport } from './run-import';

/** The customer reference one mapped row describes; `source` names the system its `id` column belongs to. */
export function rowToReference(row: MappedRow, source: string): CustomerReference | string {
  const kind = row.kind ? parseCustomerKind(row.kind) : null;
  if (row.kind && !kind) return `kind "${row.kind}" is neither a person nor an account`;
  const value = row.value ? parseAmount(row.value) : null;
  if (row.value && value === null) return `value "${row.value}" is not an amount`;
  const identifiers = Object.entries(row)
    .filter(([field, v]) => field.startsWith('identifier:') && v)
    .map(([field, v]) => ({ system: field.slice('identifier:'.length), value: v }));
  if (row.id) identifiers.unshift({ system: source, value: row.id });
  return {
    name: row.name || null,
    kind,
    email: row.email || null,
    phone: row.phone || null,
    domain: row.domain || null,
    identifiers,
    segment: row.segment || null,
    value,
  };
}

/** The system name identifiers from a source are filed under: "HubSpot export" → "hubspot-export". */
export function sourceSystem(source: string): string {
  return (
    source
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'import'
  );
}

/**
 * `pnpm heard import customers`: each row becomes a customer reference, matched exactly as chat,
 * web and API references are (same normal forms, scores and thresholds), batch by batch.
 */
export function importCustomers(
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>,
  options: Omit<ImportOptions, 'kind'> & { phoneRegion?: string; at?: () => Date },
): Promise<ImportSummary> {
  const system = sourceSystem(options.source);
  const phone = phoneNormaliser(options.phoneRegion);
  const fileName = options.fileName ?? options.filePath.split('/').pop()!;
  return runImport<LineReference['ref']>(
    sql,
    { ...options, source: system, kind: 'customers' },
    {
      prepare(row) {
        const reference = rowToReference(row, system);
        if (typeof reference === 'string') return reference;
        const ref = normaliseReference(reference, phone);
        if (!ref) return 'names no customer: no name, email, phone, domain or id';
        if (ref.problems.length > 0 && ref.identifiers.length === 0 && !row.name)
          return ref.problems.join('; ');
        return ref;
      },
      async process(tx, items) {
        const result = await matchCustomerBatch(
          tx,
          items.map(({ line, item }) => ({ line, ref: item })),
          { source: system, actorId: options.actorId, fileName },
          options.at?.() ?? new Date(),
        );
        const counts: Record<string, number> = { created: 0, matched: 0, merged: 0, review: 0, warnings: 0 };
        for (const outcome of result.outcomes.values()) counts[outcome] = (counts[outcome] ?? 0) + 1;
        for (const { item } of items) if (item.problems.length > 0) counts.warnings! += 1;
        return { counts, rejections: [] };
      },
    },
  );
}
