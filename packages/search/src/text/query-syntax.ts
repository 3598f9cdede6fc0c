// The search text syntax of the port (see SearchQuery in @heard/domain), parsed once for every
// engine: bare words (typo tolerant, the last one also a prefix while typing), "quoted phrases"
// matched in order, and -exclusions of a word or a -"phrase".

export interface QueryWord {
  /** As typed (NFC); engines normalise case and accents themselves. */
  word: string;
  /** The last bare word while the user is still typing it: also match words it begins. */
  prefix: boolean;
}

export interface ParsedSearchText {
  /** Every one must match (each with typo tolerance). */
  words: QueryWord[];
  /** Each phrase's words must appear in this order, next to each other. */
  phrases: string[][];
  /** A match must contain none of these words… */
  excludedWords: string[];
  /** …nor any of these phrases. */
  excludedPhrases: string[][];
}

/** Bounds the work one query can ask for; anything beyond is ignored. */
export const MAX_QUERY_TEXT = 500;
export const MAX_QUERY_WORDS = 12;
export const MAX_WORD_LENGTH = 64;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;
// A quoted phrase (optionally negated, possibly unterminated while typing) or a bare chunk.
const TOKEN = /(-?)"([^"]*)"?|([^\s"]+)/gu;

const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));

export function parseSearchText(text: string): ParsedSearchText {
  const input = text.normalize('NFC').slice(0, MAX_QUERY_TEXT);
  const parsed: ParsedSearchText = { words: [], phrases: [], excludedWords: [], excludedPhrases: [] };
  const seen = new Set<string>();
  let budget = MAX_QUERY_WORDS;
  const tokens = [...input.matchAll(TOKEN)];
  tokens.forEach((token, index) => {
    const [, negated, quoted, bare] = token;
    if (budget <= 0) return;
    if (quoted !== undefined) {
      const words = wordsOf(quoted).slice(0, budget);
      budget -= words.length;
      if (words.length > 0) (negated ? parsed.excludedPhrases : parsed.phrases).push(words);
      return;
    }
    const chunk = bare ?? '';
    if (chunk.startsWith('-')) {
      const words = wordsOf(chunk).slice(0, budget);
      budget -= words.length;
      // "-e-mail" excludes the compound as a phrase; "-csv" one word.
      if (words.length === 1) parsed.excludedWords.push(words[0]!);
      else if (words.length > 1) parsed.excludedPhrases.push(words);
      return;
    }
    const words = wordsOf(chunk).slice(0, budget);
    budget -= words.length;
    const typing = index === tokens.length - 1 && !/\s$/u.test(input) && ENDS_IN_WORD.test(chunk);
    words.forEach((word, i) => {
      const prefix = typing && i === words.length - 1;
      const key = `${word.toLowerCase()}${prefix ? '*' : ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      parsed.words.push({ word, prefix });
    });
  });
  return parsed;
}

/** True when the text asks for nothing (blank, or only punctuation): list by the sort instead. */
export function isEmptySearch(parsed: ParsedSearchText): boolean {
  return (
    parsed.words.length === 0 &&
    parsed.phrases.length === 0 &&
    parsed.excludedWords.length === 0 &&
    parsed.excludedPhrases.length === 0
  );
}

/** Typos forgiven in a word, as Meilisearch does by default: none below 5 letters, 1 up to 8, then 2. */
export function typoBudget(word: string): number {
  const length = [...word].length;
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/** Edit distance counting a swap of two neighbouring letters as one typo (optimal string alignment). */
export function typoDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}
