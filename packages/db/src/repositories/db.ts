import type postgres from 'postgres';

/** A pool or a transaction: repositories work the same inside and outside one. */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export type Db = postgres.Sql<{}> | postgres.TransactionSql<{}>;

/** Rows come back untyped; each repository maps them through its own `toDomain`. */
export type Row = Record<string, unknown>;

export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
export const asNumberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
export const asIsoDate = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and chat payloads; a malformed one simply matches nothing instead of raising. */
export const isUuid = (value: string): boolean => UUID.test(value);
export const onlyUuids = (values: readonly string[]): string[] => values.filter(isUuid);
