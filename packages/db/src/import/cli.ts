import { parseArgs } from 'node:util';
import type postgres from 'postgres';
import { progressBar } from '../progress-bar';
import type { TextEncoding } from './decode';
import { importCustomers } from './import-customers';
import { importInsights } from './import-insights';
import { ImportRefused } from './run-import';
import { summaryText } from './summary-text';

export const IMPORT_USAGE = `Usage: pnpm heard import customers|insights <file.csv> [options]

Options:
  --source NAME        the system the file comes from (default "csv"); its column mapping is saved under this name
  --map FIELD=COLUMN   which column holds a field (repeatable), e.g. --map name="Company" --map identifier:billing="Account no"
                       customers: name id kind email phone domain segment value identifier:<system>
                       insights:  body id title kind sentiment tags customer customer_email customer_id customer_domain created_at
  --delimiter CHAR     , ; tab or | (found by itself otherwise)
  --encoding NAME      utf-8, windows-1252, utf-16le (found by itself otherwise)
  --as EMAIL           insights: who reports them (default: the first admin)
  --phone-region CODE  country of numbers written without +country (default GB)
  --batch-size N       rows committed together (default 2000)`;

const DELIMITERS: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

/** `pnpm heard import …`; returns the exit code. */
// biome-ignore lint/complexity/noBannedTypes: postgres.js' default type map is `{}`
export async function runImportCommand(sql: postgres.Sql<{}>, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      source: { type: 'string', default: 'csv' },
      map: { type: 'string', multiple: true, default: [] },
      delimiter: { type: 'string' },
      encoding: { type: 'string' },
      as: { type: 'string' },
      'phone-region': { type: 'string' },
      'batch-size': { type: 'string' },
    },
  });
  const [kind, filePath] = positionals;
  if ((kind !== 'customers' && kind !== 'insights') || !filePath) {
    console.log(IMPORT_USAGE);
    return 2;
  }
  const map: Record<string, string> = {};
  for (const pair of values.map ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) {
      console.error(`--map takes FIELD=COLUMN, not "${pair}".`);
      return 2;
    }
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    console.error('--batch-size takes a whole number, e.g. --batch-size 2000');
    return 2;
  }
  const encoding = values.encoding?.toLowerCase() as TextEncoding | undefined;
  if (encoding && !['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'].includes(encoding)) {
    console.error('--encoding takes utf-8, windows-1252, utf-16le or utf-16be.');
    return 2;
  }
  const [actor] = values.as
    ? await sql`select id from people where email = ${values.as}`
    : await sql`select id from people where 'admin' = any(roles) order by created_at limit 1`;
  if (kind === 'insights' && !actor) {
    console.error(
      values.as
        ? `Nobody has the email ${values.as}.`
        : 'Name who reports the insights with --as EMAIL (no admin exists).',
    );
    return 2;
  }
  const bar = progressBar(`Importing ${kind}`);
  const options = {
    filePath,
    source: values.source!,
    map,
    delimiter: values.delimiter ? (DELIMITERS[values.delimiter] ?? values.delimiter) : undefined,
    encoding,
    batchSize,
    phoneRegion: values['phone-region'],
    onProgress: (p: { bytesDone: number; bytesTotal: number }) =>
      bar(Math.ceil(p.bytesDone / 1024), Math.ceil(p.bytesTotal / 1024)),
  };
  const started = performance.now();
  try {
    const summary =
      kind === 'customers'
        ? await importCustomers(sql, { ...options, actorId: (actor?.id as string | undefined) ?? null })
        : await importInsights(sql, { ...options, actorId: actor!.id as string });
    process.stdout.write(' KB\n');
    console.log(summaryText(summary, (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    process.stdout.write('\n');
    if (error instanceof ImportRefused) {
      console.error(error.message);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`No file at ${filePath}.`);
      return 1;
    }
    throw error;
  }
}
