import type { Db } from '../repositories/db';

export interface Place {
  table: string;
  column: string;
  /** 'text' (text, varchar, citext), 'json' (json, jsonb) or 'array'. */
  type: 'text' | 'json' | 'array';
}

export interface PlaceHit extends Place {
  rows: number;
}

/** Every text-like column of every table in the schema: where personal data could sit. */
export async function textColumns(db: Db): Promise<Place[]> {
  const rows = await db`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
           or c.udt_name = 'citext')
    order by c.table_name, c.ordinal_position`;
  return rows.map((r) => ({
    table: r.table_name as string,
    column: r.column_name as string,
    type: r.data_type === 'ARRAY' ? 'array' : String(r.data_type).startsWith('json') ? 'json' : 'text',
  }));
}

/**
 * A case-insensitive PostgreSQL regular expression matching the text as a whole word: "C-1000"
 * must not match "C-10001", nor a name match a longer word.
 */
export const wordPattern = (needle: string) =>
  `(^|[^[:alnum:]])${needle.trim().replace(/[.^$*+?()[\]{}|\\-]/g, (c) => `\\${c}`)}($|[^[:alnum:]])`;

/**
 * Looks for texts in every text, JSON and array column of every table, case-insensitively:
 * after an erasure nothing should be left but what the report explains. One scan per column
 * for all the needles; only columns with a match are counted per needle.
 */
export async function findEverywhereAll(
  db: Db,
  needles: readonly string[],
  except: readonly string[] = [],
): Promise<Map<string, PlaceHit[]>> {
  const found = new Map<string, PlaceHit[]>(needles.map((n) => [n, []]));
  if (needles.length === 0) return found;
  for (const place of await textColumns(db)) {
    if (except.includes(place.table)) continue;
    const [any] = await db`
      select exists (select 1 from ${db(place.table)} where ${db(place.column)}::text ~* any(${needles.map(wordPattern)})) as hit`;
    if (!any!.hit) continue;
    for (const needle of needles) {
      const [row] = await db`
        select count(*)::int as n from ${db(place.table)} where ${db(place.column)}::text ~* ${wordPattern(needle)}`;
      if ((row!.n as number) > 0) found.get(needle)!.push({ ...place, rows: row!.n as number });
    }
  }
  return found;
}

/** Where one text still stands, table by table and column by column. */
export async function findEverywhere(
  db: Db,
  needle: string,
  except: readonly string[] = [],
): Promise<PlaceHit[]> {
  return (await findEverywhereAll(db, [needle], except)).get(needle)!;
}
