import type { Db, Row } from '../repositories/db';
import { asDate } from '../repositories/db';
import type { ImportKind } from './mapping';

/** One line the import left out, and why. */
export interface Rejection {
  line: number;
  reason: string;
}

/** The progress and outcome of one import, as the command line and the upload page show it. */
export interface ImportRun {
  id: string;
  kind: ImportKind;
  source: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  committedLine: number;
  bytesTotal: number;
  bytesDone: number;
  counts: Record<string, number>;
  /** The first rejections (at most REJECTIONS_KEPT); `counts.rejected` has them all. */
  rejections: Rejection[];
  message: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Rejections stored per run; a file with more still counts them all. */
export const REJECTIONS_KEPT = 1000;

export function importRunToDomain(row: Row): ImportRun {
  return {
    id: row.id as string,
    kind: row.kind as ImportKind,
    source: row.source as string,
    fileName: row.file_name as string,
    status: row.status as ImportRun['status'],
    committedLine: Number(row.committed_line),
    bytesTotal: Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    counts: row.counts as Record<string, number>,
    rejections: row.rejections as Rejection[],
    message: (row.message as string | null) ?? null,
    startedAt: asDate(row.started_at),
    finishedAt: row.finished_at ? asDate(row.finished_at) : null,
  };
}

export async function findImportRun(db: Db, id: string): Promise<ImportRun | null> {
  const [row] = await db`select * from import_runs where id = ${id}`;
  return row ? importRunToDomain(row) : null;
}

export async function listImportRuns(db: Db, limit = 20): Promise<ImportRun[]> {
  const rows = await db`select * from import_runs order by started_at desc limit ${limit}`;
  return rows.map(importRunToDomain);
}

/** Adds a committed batch's counts and rejections to the run, in the batch's own transaction. */
export async function recordBatch(
  tx: Db,
  runId: string,
  lastLine: number,
  bytesDone: number,
  counts: Record<string, number>,
  rejections: Rejection[],
): Promise<void> {
  await tx`
    update import_runs set
      committed_line = ${lastLine},
      bytes_done = ${bytesDone},
      counts = (select coalesce(jsonb_object_agg(k, coalesce((counts ->> k)::int, 0) + coalesce((${counts as never}::jsonb ->> k)::int, 0)), '{}')
                from (select jsonb_object_keys(counts) as k union select jsonb_object_keys(${counts as never}::jsonb)) keys),
      rejections = case when jsonb_array_length(rejections) >= ${REJECTIONS_KEPT} then rejections
                        else rejections || (select coalesce(jsonb_agg(r), '[]') from (
                               select r from jsonb_array_elements(${rejections as never}::jsonb) r
                               limit ${REJECTIONS_KEPT} - jsonb_array_length(rejections)) x) end
    where id = ${runId}`;
}
