import { type Db, loadSearchDocuments } from '@heard/db';
import type { SearchIndex } from '@heard/domain';

export interface ReindexResult {
  indexed: number;
  removed: number;
  seconds: number;
}

const BATCH = 1000;

/**
 * Rebuilds an index from the database while the hub keeps serving: every
 * insight is upserted in id order, then entries whose insight is gone are
 * removed. Idempotent, so a run cut short is simply run again.
 */
export async function reindex(
  db: Db,
  index: SearchIndex,
  onProgress: (indexed: number, total: number) => void = () => {},
): Promise<ReindexResult> {
  const began = performance.now();
  await index.prepare();
  const [{ total } = { total: 0 }] = await db`select count(*)::int as total from insights`;
  let indexed = 0;
  let after: string | null = null;
  for (;;) {
    const documents = await loadSearchDocuments(db, { after, limit: BATCH });
    if (documents.length === 0) break;
    await index.upsert(documents);
    indexed += documents.length;
    after = documents[documents.length - 1]!.id;
    onProgress(indexed, Math.max(total, indexed));
  }
  let removed = 0;
  let cursor: string | null = null;
  for (;;) {
    const ids = await index.listIds(cursor, BATCH);
    if (ids.length === 0) break;
    const present = await db`select id::text from insights where id = any(${ids}::uuid[])`;
    const known = new Set(present.map((row) => row.id as string));
    const gone = ids.filter((id) => !known.has(id));
    if (gone.length > 0) await index.remove(gone);
    removed += gone.length;
    cursor = ids[ids.length - 1]!;
  }
  return { indexed, removed, seconds: (performance.now() - began) / 1000 };
}
