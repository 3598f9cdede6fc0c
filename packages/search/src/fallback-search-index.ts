import type { ReadScope, SearchIndex, SearchQuery } from '@heard/domain';

/**
 * Searches the primary engine and, when it cannot be reached, answers from the
 * fallback (PostgreSQL, always kept in sync) and says so in the log and health.
 * Writes go to the primary only: the sync jobs retry until it is back.
 */
export function withFallback(
  primary: SearchIndex,
  fallback: SearchIndex,
  log: (message: string) => void,
): SearchIndex & { isFallingBack(): boolean } {
  let fallingBack = false;
  const attempt = async <T>(work: (index: SearchIndex) => Promise<T>): Promise<T> => {
    try {
      const result = await work(primary);
      if (fallingBack)
        log(`Search: ${primary.engine} answers again; back from the ${fallback.engine} fallback.`);
      fallingBack = false;
      return result;
    } catch (error) {
      if (!fallingBack) {
        const reason = error instanceof Error ? error.message : String(error);
        log(
          `Search: ${primary.engine} failed (${reason}); answering from ${fallback.engine} until it returns.`,
        );
      }
      fallingBack = true;
      return work(fallback);
    }
  };
  return {
    engine: primary.engine,
    isFallingBack: () => fallingBack,
    prepare: () => primary.prepare(),
    upsert: (documents) => primary.upsert(documents),
    remove: (ids) => primary.remove(ids),
    listIds: (after, limit) => primary.listIds(after, limit),
    search: (query: SearchQuery) => attempt((index) => index.search(query)),
    similar: (text: string, scope: ReadScope, limit: number) =>
      attempt((index) => index.similar(text, scope, limit)),
    async health() {
      const health = await primary.health();
      fallingBack = !health.ok;
      return health;
    },
  };
}
