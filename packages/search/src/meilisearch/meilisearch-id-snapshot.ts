/**
 * Every indexed id, sorted, as of one listing, for `listIds`.
 *
 * Meilisearch cannot page documents by id on every v1 server (`>` on strings
 * needs v1.15 and has open bugs; sorting the documents API needs v1.16), so
 * `listIds(null, …)` lists every id (`GET /documents?fields=id`, not capped by
 * maxTotalHits) and the following pages read this snapshot for a minute. This
 * index's own upserts and removals keep it current meanwhile; writes by other
 * processes show up in the next snapshot.
 */
export class IdSnapshot {
  #ids: string[] | null = null;
  #takenAt = 0;

  constructor(private readonly ttlMs: number) {}

  /** The sorted ids while fresh, else null. */
  current(now = Date.now()): string[] | null {
    return this.#ids !== null && now - this.#takenAt < this.ttlMs ? this.#ids : null;
  }

  replace(ids: string[]): string[] {
    this.#ids = [...new Set(ids)].sort(compare);
    this.#takenAt = Date.now();
    return this.#ids;
  }

  added(ids: string[]): void {
    const current = this.current();
    if (current === null) {
      this.clear();
      return;
    }
    for (const id of ids) {
      const at = firstAfter(current, id, true);
      if (current[at] !== id) current.splice(at, 0, id);
    }
  }

  removed(ids: string[]): void {
    const current = this.current();
    if (current === null) {
      this.clear();
      return;
    }
    for (const id of ids) {
      const at = firstAfter(current, id, true);
      if (current[at] === id) current.splice(at, 1);
    }
  }

  clear(): void {
    this.#ids = null;
  }
}

/** Code-unit order: the same as `<` on strings in JS and PostgreSQL's uuid order for lowercase uuids. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Index of the first id after `key` (or at it, when `inclusive`) in sorted `ids`. */
function firstAfter(ids: string[], key: string, inclusive = false): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! < key || (!inclusive && ids[mid] === key)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Up to `limit` ids after `after` (all from the start when null). */
export function pageAfter(ids: string[], after: string | null, limit: number): string[] {
  const start = after === null ? 0 : firstAfter(ids, after);
  return ids.slice(start, start + limit);
}
