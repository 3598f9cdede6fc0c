import { join } from 'node:path';
import { buildTeamsPackage, reindex } from '@heard/bot';
import {
  attachmentFilesIn,
  GOVERNANCE_COMMANDS,
  GOVERNANCE_USAGE,
  IMPORT_USAGE,
  openDatabase,
  progressBar,
  runGovernanceCommand,
  runImportCommand,
} from '@heard/db';
import { createSearchEngines } from '@heard/search';
import { readWebConfig } from '@heard/web';

const USAGE = `Usage: pnpm heard <command>

Commands:
  reindex         rebuild every search index from the database (safe while the hub runs)
  teams-package   build the Microsoft Teams app zip from MICROSOFT_APP_ID and PUBLIC_URL
                  (--out <file>, default heard-teams-app.zip)
  import          import customers or insights from a CSV export (pnpm heard import --help)
${GOVERNANCE_USAGE}`;

/** `pnpm heard …`: operator commands against the hub's database (embedded unless DATABASE_URL is set). */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'teams-package') return teamsPackage(rest);
  if (command === 'import') return importCommand(rest);
  if ((GOVERNANCE_COMMANDS as readonly string[]).includes(command ?? ''))
    return governanceCommand(command as (typeof GOVERNANCE_COMMANDS)[number], rest);
  if (command !== 'reindex') {
    console.log(USAGE);
    process.exit(command ? 2 : 0);
  }
  await withDatabase(async (db, config) => {
    for (const index of searchEngines(db, config).writable) {
      const result = await reindex(db.sql, index, progressBar(`Reindexing ${index.engine}`));
      console.log(
        `\n${index.engine}: indexed ${result.indexed}, removed ${result.removed} stale entries in ${result.seconds.toFixed(1)} s.`,
      );
    }
  });
}

/** Fills the Teams manifest template with this installation's app id and hub address, and zips it. */
async function teamsPackage(args: string[]): Promise<void> {
  const outFlag = args.indexOf('--out');
  const out = outFlag >= 0 ? args[outFlag + 1] : 'heard-teams-app.zip';
  if (!out) throw new Error('--out needs a file name, e.g. --out heard-teams-app.zip');
  const appId = process.env.MICROSOFT_APP_ID;
  const hubUrl = process.env.PUBLIC_URL;
  if (!appId)
    throw new Error('Set MICROSOFT_APP_ID to the Application (client) ID of the Entra app registration.');
  if (!hubUrl) throw new Error("Set PUBLIC_URL to the hub's https address, e.g. https://heard.example.com.");
  const built = await buildTeamsPackage({ appId, hubUrl, organisation: process.env.HEARD_ORGANISATION, out });
  console.log(`Wrote ${built.path}. Upload it in Teams: Apps → Manage your apps → Upload an app.`);
}

/** `pnpm heard import customers|insights <file>`: see IMPORT_USAGE. */
async function importCommand(args: string[]): Promise<void> {
  if (args.length < 2 || args.includes('--help')) {
    console.log(IMPORT_USAGE);
    process.exit(args.includes('--help') ? 0 : 2);
  }
  await withDatabase(async (db) => {
    process.exitCode = await runImportCommand(db.sql, args);
  });
}

/** `pnpm heard export-customer|erase-customer <identifier>`: data-subject requests from the command line. */
async function governanceCommand(
  command: (typeof GOVERNANCE_COMMANDS)[number],
  args: string[],
): Promise<void> {
  await withDatabase(async (db, config) => {
    process.exitCode = await runGovernanceCommand(db.sql, command, args, {
      searchIndexes: searchEngines(db, config).writable,
      print: (line) => console.log(line),
      attachmentFiles: attachmentFilesIn(config.HEARD_UPLOADS_DIR ?? join(config.HEARD_DATA_DIR, 'uploads')),
    });
  });
}

type HubDatabase = Awaited<ReturnType<typeof openDatabase>>;
type WebConfig = ReturnType<typeof readWebConfig>;

/** Opens the hub's database as the hub does (embedded unless DATABASE_URL is set) and closes it after `work`. */
async function withDatabase(work: (db: HubDatabase, config: WebConfig) => Promise<void>): Promise<void> {
  const config = readWebConfig();
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.HEARD_DATA_DIR,
    log: { info: () => {}, warn: (m) => console.warn(m), debug: () => {} },
  });
  try {
    await work(db, config);
  } finally {
    await db.close();
  }
}

function searchEngines(db: HubDatabase, config: WebConfig) {
  return createSearchEngines({
    sql: db.sql,
    meiliUrl: config.MEILI_URL,
    meiliApiKey: config.MEILI_API_KEY,
    log: console.warn,
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
