import type { ReadScope } from '@heard/domain';
import type { Db } from '../repositories/db';
import { readableBy } from '../repositories/feed.query';

/** How many insights wait in the curation queue (triage state `new`) that `scope` may read. */
export async function countCurationQueue(db: Db, scope: ReadScope): Promise<number> {
  const [row] =
    await db`select count(*)::int as n from insights i where i.triage = 'new' and i.merged_into is null and ${readableBy(db, scope)}`;
  return row?.n ?? 0;
}
