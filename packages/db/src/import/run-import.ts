import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import type postgres from 'postgres';
import type { Db } from '../repositories/db';
import { decodedStream, sampleFile, type TextEncoding } from './decode';
import { findImportRun, type ImportRun, type Rejection, recordBatch } from './import-run.store';
import {
  type ColumnMapping,
  type ImportKind,
  loadMapping,
  missingRequired,
  resolveMapping,
  saveMapping,
} from './mapping';
import { delimiterName, sniffDelimiter } from './sniff';

/** Rows committed together: a batch is stored whole or not at all. */
export const DEFAULT_BATCH_SIZE = 2000;
/** Exact repeats remembered to report duplicate rows; past this, repeats are still matched, not doubled. */
const DUPLICATE_MEMORY = 2_000_000;

/** A data row: the file's fields by mapped target field. */
export type MappedRow = Record<string, string>;

/** What one kind of import does with the rows of one batch, inside the batch's transaction. */
export interface BatchHandler<T> {
  /** Checks one row; a string is the reason it is rejected. */
  prepare(row: MappedRow, line: number): T | string;
  process(
    tx: Db,
    items: { line: number; item: T }[],
  ): Promise<{ counts: Record<string, number>; rejections: Rejection[] }>;
}

export interface ImportOptions {
  kind: ImportKind;
  filePath: string;
  /** The name people know the file by (an upload's original name). */
  fileName?: string;
  /** The system the file comes from (e.g. "hubspot"); its mapping is saved under this name. */
  source: string;
  /** Field → column choices; they override and update the saved mapping. */
  map?: ColumnMapping;
  delimiter?: string;
  encoding?: TextEncoding;
  batchSize?: number;
  actorId: string | null;
  /** Called once the run is recorded, with its id (the upload page follows it from there). */
  onRunStarted?: (runId: string) => void;
  onProgress?: (run: { bytesDone: number; bytesTotal: number; lines: number }) => void;
}

export interface ImportSummary {
  run: ImportRun;
  encoding: TextEncoding;
  delimiter: string;
  mapping: ColumnMapping;
  /** The line an earlier, interrupted run of the same file had committed, when this run resumed it. */
  resumedAfterLine: number | null;
  /** How batches are kept: always whole batches, and a rerun resumes. */
  guarantee: string;
}

export const GUARANTEE =
  'Each batch of rows is committed whole or not at all; an interrupted import resumes after its last committed batch when the same file is imported again, and importing a file again matches what is already there instead of doubling it.';

export class ImportRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportRefused';
  }
}

/** Identifies a file without reading all of it: its size and its first and last megabyte. */
async function fingerprint(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha256').update(String(size));
    const part = Buffer.alloc(Math.min(1 << 20, size));
    await handle.read(part, 0, part.length, 0);
    hash.update(part);
    await handle.read(part, 0, part.length, Math.max(0, size - part.length));
    return hash.update(part).digest('hex');
  } finally {
    await handle.close();
  }
}

/**
 * Imports a CSV file in streamed batches. Checks the header before any row (missing required
 * columns refuse the whole file), rejects bad rows with their line number and reason, and records
 * progress in `import_runs` in the same transaction as each batch.
 */
export async function runImport<T>(
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>,
  options: ImportOptions,
  handler: BatchHandler<T>,
): Promise<ImportSummary> {
  const fileName = options.fileName ?? path.basename(options.filePath);
  const { encoding: sniffed, sample, size } = await sampleFile(options.filePath);
  const encoding = options.encoding ?? sniffed;
  const delimiter = options.delimiter ?? sniffDelimiter(sample);
  const print = await fingerprint(options.filePath);
  const reserved = await sql.reserve();
  const lockKey = `import:${options.kind}:${options.source}:${print}`;
  try {
    const [lock] = await reserved`select pg_try_advisory_lock(hashtextextended(${lockKey}, 0)) as ok`;
    if (!lock!.ok)
      throw new ImportRefused([`${fileName} is being imported right now; wait for that import to finish.`]);
    const [unfinished] = await sql`
      select id, committed_line from import_runs
      where kind = ${options.kind} and source = ${options.source} and file_sha256 = ${print} and status <> 'done'
      order by started_at desc limit 1`;
    const resumeAfter = unfinished ? Number(unfinished.committed_line) : 0;
    const [run] = unfinished
      ? await sql`update import_runs set status = 'running', message = null, bytes_total = ${size}, finished_at = null
                  where id = ${unfinished.id} returning id`
      : await sql`insert into import_runs (kind, source, file_name, file_sha256, bytes_total, started_by)
                  values (${options.kind}, ${options.source}, ${fileName}, ${print}, ${size}, ${options.actorId}) returning id`;
    const runId = run!.id as string;
    options.onRunStarted?.(runId);
    let mapping: ColumnMapping = {};
    try {
      mapping = await stream(sql, runId, options, handler, {
        encoding,
        delimiter,
        size,
        resumeAfter,
        fileName,
      });
      await sql`update import_runs set status = 'done', finished_at = now(), bytes_done = bytes_total where id = ${runId}`;
    } catch (error) {
      const message =
        error instanceof ImportRefused
          ? error.message
          : `Stopped: ${error instanceof Error ? error.message : String(error)}. Rows before the last committed batch are kept; import the same file again to resume.`;
      await sql`update import_runs set status = 'failed', finished_at = now(), message = ${message} where id = ${runId}`;
      throw error instanceof ImportRefused ? error : new ImportRefused([message]);
    }
    return {
      run: (await findImportRun(sql, runId))!,
      encoding,
      delimiter,
      mapping,
      resumedAfterLine: unfinished ? resumeAfter : null,
      guarantee: GUARANTEE,
    };
  } finally {
    await reserved`select pg_advisory_unlock(hashtextextended(${lockKey}, 0))`.catch(() => {});
    reserved.release();
  }
}

async function stream<T>(
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>,
  runId: string,
  options: ImportOptions,
  handler: BatchHandler<T>,
  file: { encoding: TextEncoding; delimiter: string; size: number; resumeAfter: number; fileName: string },
): Promise<ColumnMapping> {
  let bytesDone = 0;
  let parsedLine = 0;
  const rejections: Rejection[] = [];
  const parser = decodedStream(options.filePath, file.encoding, (n) => {
    bytesDone += n;
  }).pipe(
    parse({
      delimiter: file.delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // The parser runs ahead of the loop below: lines are counted where records are parsed.
      on_record: (record, context) => {
        parsedLine = context.lines;
        return record;
      },
      on_skip: (error) => {
        if (error)
          rejections.push({ line: parsedLine + 1, reason: describeCsvError(error.message, parsedLine + 1) });
        return undefined;
      },
    }),
  );
  let lastLine = 0;
  let headers: string[] | null = null;
  let mapping: ColumnMapping = {};
  let columns: [string, number][] = [];
  const seen = new Map<string, number>();
  let batch: { line: number; item: T }[] = [];
  let batchRejections: Rejection[] = [];
  let batchCounts: Record<string, number> = {};
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  const flush = async (endLine: number) => {
    const items = batch;
    const rejected = [...batchRejections, ...rejections.splice(0)];
    const counts = batchCounts;
    batch = [];
    batchRejections = [];
    batchCounts = {};
    await sql.begin(async (tx) => {
      const result =
        items.length > 0 ? await handler.process(tx as unknown as Db, items) : { counts: {}, rejections: [] };
      const all = [...rejected, ...result.rejections].sort((a, b) => a.line - b.line);
      const merged: Record<string, number> = { ...counts };
      for (const [k, v] of Object.entries(result.counts)) merged[k] = (merged[k] ?? 0) + v;
      merged.rejected = (merged.rejected ?? 0) + all.length;
      merged.lines = (merged.lines ?? 0) + items.length + rejected.length;
      await recordBatch(tx as unknown as Db, runId, endLine, bytesDone, merged, all);
    });
    options.onProgress?.({ bytesDone, bytesTotal: file.size, lines: endLine });
  };

  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const startLine = lastLine + 1;
    lastLine = info.lines;
    if (!headers) {
      headers = record.map((h) => h.trim());
      mapping = await prepareMapping(sql, options, headers, file.delimiter);
      columns = Object.entries(mapping).map(([field, header]) => [field, headers!.indexOf(header)]);
      continue;
    }
    if (startLine <= file.resumeAfter) continue;
    if (record.length !== headers.length) {
      batchRejections.push({
        line: startLine,
        reason: `has ${record.length} fields where the header has ${headers.length}`,
      });
    } else if (record.every((v) => v.trim() === '')) {
      batchRejections.push({ line: startLine, reason: 'is empty' });
    } else {
      const digest = createHash('sha1').update(record.join('\u0000')).digest('base64');
      const first = seen.get(digest);
      if (first !== undefined) {
        batchRejections.push({ line: startLine, reason: `repeats line ${first} exactly` });
        batchCounts.duplicates = (batchCounts.duplicates ?? 0) + 1;
      } else {
        if (seen.size < DUPLICATE_MEMORY) seen.set(digest, startLine);
        const row: MappedRow = {};
        for (const [field, index] of columns) row[field] = (record[index] ?? '').trim();
        const item = handler.prepare(row, startLine);
        if (typeof item === 'string') batchRejections.push({ line: startLine, reason: item });
        else batch.push({ line: startLine, item });
      }
    }
    if (batch.length + batchRejections.length >= batchSize) await flush(lastLine);
  }
  if (!headers) throw new ImportRefused([`${file.fileName} is empty: it has no header line.`]);
  await flush(lastLine);
  return mapping;
}

async function prepareMapping(
  // biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
  sql: postgres.Sql<{}>,
  options: ImportOptions,
  headers: string[],
  delimiter: string,
): Promise<ColumnMapping> {
  const problems: string[] = [];
  const duplicated = headers.filter((h, i) => h !== '' && headers.indexOf(h) !== i);
  if (duplicated.length > 0)
    problems.push(
      `The header names ${[...new Set(duplicated)].map((h) => `"${h}"`).join(', ')} more than once.`,
    );
  const saved = await loadMapping(sql, options.kind, options.source);
  const { mapping, problems: mappingProblems } = resolveMapping(
    options.kind,
    headers,
    options.map ?? {},
    saved,
  );
  problems.push(...mappingProblems, ...missingRequired(options.kind, mapping, headers));
  if (problems.length > 0 && headers.length === 1) {
    problems.push(
      `The file was read as ${delimiterName(delimiter)}-separated and has a single column: if its fields are separated by something else, say so with --delimiter.`,
    );
  }
  if (problems.length > 0) throw new ImportRefused([`Nothing was imported from this file.`, ...problems]);
  await saveMapping(sql, options.kind, options.source, mapping);
  return mapping;
}

function describeCsvError(message: string, line: number): string {
  if (/Quote Not Closed/i.test(message))
    return `a quote opened on line ${line} is never closed; the lines from there to the end were not imported`;
  if (/Invalid Closing Quote/i.test(message))
    return 'has text right after a closing quote (a quote inside a field must be doubled: "")';
  return message.replace(/^[^:]*:\s*/, '');
}
