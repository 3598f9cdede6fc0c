import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const REVIEWS = fileURLToPath(
  new URL('../../shared/data/reviews/Womens_Clothing_E-Commerce_Reviews.csv', import.meta.url),
);

/**
 * Real customer vocabulary for search benchmarks: the shared review corpus when
 * it sits beside the checkout (it is never copied into the project), else null.
 */
export function loadReviewTexts(): { title: string; body: string }[] | null {
  if (!existsSync(REVIEWS)) return null;
  const rows = parse(readFileSync(REVIEWS), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows
    .map((r) => ({ title: (r.Title ?? '').trim(), body: (r['Review Text'] ?? '').trim() }))
    .filter((r) => r.body.length > 0);
}
