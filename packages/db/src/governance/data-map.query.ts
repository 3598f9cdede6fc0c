import { DATA_MAP } from '@heard/domain';
import type { Db } from '../repositories/db';

/** Rows in each table of the data map right now; tables not present in this database are left out. */
export async function countDataMapRows(db: Db): Promise<Record<string, number>> {
  const tables = [...new Set(DATA_MAP.flatMap((e) => e.stores).filter((s) => /^[a-z_]+$/.test(s)))];
  const present = await db`select relname from pg_class where relkind = 'r' and relname = any(${tables})
                           and relnamespace = current_schema()::regnamespace`;
  const counts: Record<string, number> = {};
  for (const r of present) {
    const [row] = await db`select count(*)::int as n from ${db(r.relname as string)}`;
    counts[r.relname as string] = row!.n as number;
  }
  return counts;
}
