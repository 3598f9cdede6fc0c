import { reindex } from '@heard/bot';
import { type Database, progressBar } from '@heard/db';
import type { SearchIndex } from '@heard/domain';
import { createSearchEngines } from '@heard/search';

/** Chooses and prepares the search engines; builds an empty index from the database (first start, new engine). */
export async function setUpSearch(
  db: Database,
  config: { MEILI_URL?: string; MEILI_API_KEY?: string },
  warn: (m: string) => void,
) {
  const engines = createSearchEngines({
    sql: db.sql,
    meiliUrl: config.MEILI_URL,
    meiliApiKey: config.MEILI_API_KEY,
    log: warn,
  });
  for (const index of engines.writable) await buildIfEmpty(db, index, warn);
  return engines;
}

async function buildIfEmpty(db: Database, index: SearchIndex, warn: (m: string) => void): Promise<void> {
  try {
    await index.prepare();
    if ((await index.listIds(null, 1)).length > 0) return;
    const [{ n } = { n: 0 }] = await db.sql`select count(*)::int as n from insights`;
    if (n === 0) return;
    const result = await reindex(db.sql, index, progressBar(`Building the ${index.engine} search index`));
    console.log(
      `\nIndexed ${result.indexed} insights for ${index.engine} search in ${result.seconds.toFixed(1)} s.`,
    );
  } catch (error) {
    // Meilisearch being away must not keep the hub from starting: PostgreSQL answers meanwhile.
    if (index.engine === 'postgres') throw error;
    warn(
      `Search: ${index.engine} is not ready (${error instanceof Error ? error.message : error}); PostgreSQL answers until it is.`,
    );
  }
}
