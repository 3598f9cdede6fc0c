import { openDatabase } from '../database';
import { progressBar } from '../progress-bar';
import { seedDemo } from './seed';

/** `pnpm seed [--insights N]`: seeds the database the hub uses (the embedded one unless DATABASE_URL is set). */
async function main(): Promise<void> {
  const index = process.argv.indexOf('--insights');
  const insights = index > 0 ? Number(process.argv[index + 1]) : undefined;
  if (insights !== undefined && (!Number.isInteger(insights) || insights < 1)) {
    console.error('--insights takes a whole number, e.g. --insights 100000');
    process.exit(2);
  }
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.HEARD_DATA_DIR ?? '.heard',
    log: { info: (m) => console.log(m), warn: (m) => console.warn(m), debug: () => {} },
  });
  try {
    const started = Date.now();
    const result = await seedDemo(db.sql, { insights, onProgress: progressBar('Seeding insights') });
    process.stdout.write('\n');
    if (!result.seeded) console.log(`Seed skipped: ${result.reason}.`);
    else
      console.log(
        `Seeded ${result.people} people, ${result.customers} customers, ${result.insights} insights in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
