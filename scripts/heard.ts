import { reindex } from '@heard/bot';
import { openDatabase, progressBar } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import { readWebConfig } from '@heard/web';

const USAGE = `Usage: pnpm heard <command>

Commands:
  reindex    rebuild every search index from the database (safe while the hub runs)`;

/** `pnpm heard …`: operator commands against the hub's database (embedded unless DATABASE_URL is set). */
async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  if (command !== 'reindex') {
    console.log(USAGE);
    process.exit(command ? 2 : 0);
  }
  const config = readWebConfig();
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.HEARD_DATA_DIR,
    log: { info: () => {}, warn: (m) => console.warn(m), debug: () => {} },
  });
  try {
    const engines = createSearchEngines({
      sql: db.sql,
      meiliUrl: config.MEILI_URL,
      meiliApiKey: config.MEILI_API_KEY,
      log: console.warn,
    });
    for (const index of engines.writable) {
      const result = await reindex(db.sql, index, progressBar(`Reindexing ${index.engine}`));
      console.log(
        `\n${index.engine}: indexed ${result.indexed}, removed ${result.removed} stale entries in ${result.seconds.toFixed(1)} s.`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
