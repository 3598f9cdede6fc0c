// `similar`: insights sharing any of the significant words of a draft, most
// (and rarest) shared words first.
//
// One query with matchingStrategy `last` or `frequency` is not "any words":
// `last` only drops words from the end, so every result contains the first
// word; `frequency` drops the most frequent first, so a word found nowhere is
// kept to the end and nothing matches. Instead each word is its own query
// (one `/multi-search` request) and hits are scored by the words they share,
// each weighted by its rarity among readable documents.

/** Meilisearch reads at most ten words of a query; a draft yields at most ten queries. */
export const MAX_SIMILAR_WORDS = 10;

const STOPWORDS = new Set(
  (
    'the and for are but not you all any can had her was one our out has his how its may new now ' +
    'see two way who did get let she too use they them then than that this with from have were ' +
    'will what when where which while would could should there their these those been being into ' +
    'about after again also just only over some such very said says asks asked want wants like ' +
    'more most much many each other your yours ours because does doing done here why'
  ).split(' '),
);

/** The words of free text worth matching: no operators, short or common words or repeats; the ten longest. */
export function significantWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    const key = word.toLowerCase();
    if ([...key].length < 3 || STOPWORDS.has(key) || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  if (words.length <= MAX_SIMILAR_WORDS) return words;
  const longest = new Set([...words].sort((a, b) => b.length - a.length).slice(0, MAX_SIMILAR_WORDS));
  return words.filter((word) => longest.has(word));
}

/** Hits for one word: its best matches and how many readable documents contain it. */
export interface WordHits<T extends { id: string }> {
  hits: T[];
  total: number;
}

/**
 * Documents by the summed rarity of the words they share (1 / log2(2 + documents
 * with the word)), ties by their best position in any list. Each document keeps
 * the hit of its rarest shared word, whose highlight makes the snippet.
 */
export function rankBySharedWords<T extends { id: string }>(lists: WordHits<T>[], limit: number): T[] {
  const ranked = new Map<string, { hit: T; score: number; weight: number; best: number }>();
  for (const list of lists) {
    const weight = 1 / Math.log2(2 + list.total);
    list.hits.forEach((hit, position) => {
      const entry = ranked.get(hit.id);
      if (!entry) {
        ranked.set(hit.id, { hit, score: weight, weight, best: position });
        return;
      }
      entry.score += weight;
      entry.best = Math.min(entry.best, position);
      if (weight > entry.weight) Object.assign(entry, { hit, weight });
    });
  }
  return [...ranked.values()]
    .sort((a, b) => b.score - a.score || a.best - b.best)
    .slice(0, limit)
    .map((entry) => entry.hit);
}
