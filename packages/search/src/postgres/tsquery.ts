// Turns the parsed search text into one tsquery. User input never reaches SQL text: words and
// phrases go to PostgreSQL as bound parameters, PostgreSQL normalises them into lexemes
// (`to_tsvector('heard', …)`, `phraseto_tsquery('heard', …)`), and the tsquery is assembled here
// from those lexemes, each quoted as a tsquery literal, then bound again as one `::tsquery` value.
import type { ParsedSearchText } from '../text/query-syntax';
import { typoBudget, typoDistance } from '../text/query-syntax';
import type { Sql } from './fragments';

/** How many indexed words a prefix may stand for (besides `lexeme:*` itself). */
const PREFIX_WORDS = 20;
/** Trigram candidates fetched per unknown word, before the typo budget is applied. */
const TYPO_CANDIDATES = 12;
/** Corrections OR-ed in per unknown word. */
const TYPO_ALTERNATIVES = 3;

export interface TextQuery {
  /** A tsquery (text form) to match with `@@`, or null when the text asks for nothing. */
  tsquery: string | null;
  /** True when only exclusions were given: every document without them matches, unranked. */
  negativeOnly: boolean;
  /**
   * Tsqueries whose ts_rank_cd, summed, is the rank of a match: `tsquery` itself, or its
   * operands one by one when it is a single word's alternatives OR-ed together. ts_rank_cd
   * clears 32 kB per query item per document it ranks (PostgreSQL's QueryRepresentation), so
   * 2,000 candidates ranked against a five-item query cost 10 ms; summing single-operand ranks
   * gives the same number (each occurrence of an OR operand is a cover of its own) for a fraction.
   */
  rank: string[];
  /** Lowercase words whose first occurrence in a long body is where its snippet is cut from. */
  needles: string[];
}

/** A lexeme as a tsquery operand: quoted, with quotes and backslashes escaped. */
export const quoteLexeme = (lexeme: string): string =>
  `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

const anyOf = (operands: string[]): string =>
  operands.length === 1 ? operands[0]! : `( ${operands.join(' | ')} )`;
const allOf = (operands: string[]): string =>
  operands.length === 1 ? operands[0]! : `( ${operands.join(' & ')} )`;

interface AnalysedWord {
  norm: string;
  lexemes: string[];
  prefixLexemes: string[];
  typos: { word: string; lexemes: string[] }[] | null;
}

interface Analysis {
  words: AnalysedWord[];
  excluded: string[][];
  phrases: (string | null)[];
  excludedPhrases: (string | null)[];
}

/** One round trip: lexemes of every word, prefix completions, typo candidates, phrase queries. */
async function analyse(sql: Sql, parsed: ParsedSearchText): Promise<Analysis> {
  const words = parsed.words.map((w) => w.word);
  // postgres.js cannot bind a boolean[]; the ordinal (1-based) of the prefix word, or 0.
  const prefixAt = parsed.words.findIndex((w) => w.prefix) + 1;
  const phrases = parsed.phrases.map((p) => p.join(' '));
  const excludedPhrases = parsed.excludedPhrases.map((p) => p.join(' '));
  // A phrase of stop words only is skipped (phraseto_tsquery would only raise a NOTICE).
  const phraseQuery = (list: string[]) => sql`
    select coalesce(json_agg(case when to_tsvector('heard', p) = ''::tsvector then null
                                  else phraseto_tsquery('heard', p)::text end order by n), '[]')
    from unnest(${list}::text[]) with ordinality as x(p, n)`;
  const [row] = await sql`
    select
      (select coalesce(json_agg(json_build_object(
          'norm', n.norm,
          'lexemes', tsvector_to_array(to_tsvector('heard', t.raw)),
          'prefixLexemes', tsvector_to_array(to_tsvector('heard', array_to_string(pw.words, ' '))),
          'typos', case
            when length(n.norm) >= 5 and cardinality(pw.words) = 0
                 and not exists (select 1 from search_words w where w.word = n.norm)
            then (select coalesce(json_agg(json_build_object(
                    'word', c, 'lexemes', tsvector_to_array(to_tsvector('heard', c)))), '[]')
                  from search_typo_candidates(n.norm, ${TYPO_CANDIDATES}) c)
          end) order by t.n), '[]')
       from unnest(${words}::text[]) with ordinality as t(raw, n)
       cross join lateral (select lower(unaccent(t.raw)) as norm, t.n = ${prefixAt}::int as is_prefix) n
       -- Completions of the word being typed, so "runn" also finds "running" (stemmed to "run",
       -- which 'runn':* misses). Shorter prefixes are served by 'x':* alone. The C-collated
       -- primary key serves this range as an index scan.
       cross join lateral (select array(
           select w.word from search_words w
           where n.is_prefix and length(n.norm) >= 3 and w.word >= n.norm and w.word < n.norm || chr(1114111)
           order by w.word limit ${PREFIX_WORDS}) as words) pw
      ) as words,
      (select coalesce(json_agg(tsvector_to_array(to_tsvector('heard', x)) order by n), '[]')
       from unnest(${parsed.excludedWords}::text[]) with ordinality as e(x, n)) as excluded,
      (${phraseQuery(phrases)}) as phrases,
      (${phraseQuery(excludedPhrases)}) as excluded_phrases`;
  return {
    words: row!.words as AnalysedWord[],
    excluded: row!.excluded as string[][],
    phrases: row!.phrases as (string | null)[],
    excludedPhrases: row!.excluded_phrases as (string | null)[],
  };
}

/** Corrections for a word no document contains: within its typo budget, closest first. */
function corrections(word: AnalysedWord): { word: string; lexemes: string[] }[] {
  const budget = typoBudget(word.norm);
  if (!word.typos || budget === 0) return [];
  return word.typos
    .map((c) => ({ ...c, distance: typoDistance(word.norm, c.word) }))
    .filter((c) => c.distance > 0 && c.distance <= budget)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, TYPO_ALTERNATIVES);
}

/**
 * The operands that stand for one query word: the word itself (a prefix while it is being typed),
 * then completions whose stem the prefix misses ("runn" finds "running", stemmed to "run") and
 * typo corrections. Alternatives the prefix already matches ('dress':* covers 'dresser') are
 * dropped: they match nothing more, and every operand costs time when matching and ranking.
 */
function wordOperands(word: AnalysedWord, prefix: boolean, corrected: string[]): string[] {
  const exact = allOf(word.lexemes.map((l) => `${quoteLexeme(l)}${prefix ? ':*' : ''}`));
  const stem = word.lexemes[0]!;
  const covered = (lexeme: string) =>
    prefix && word.lexemes.length === 1 ? lexeme.startsWith(stem) : lexeme === stem;
  const alternatives = new Set(
    [...word.prefixLexemes, ...corrected].filter((l) => !covered(l)).map(quoteLexeme),
  );
  return [exact, ...alternatives];
}

export async function buildTextQuery(sql: Sql, parsed: ParsedSearchText): Promise<TextQuery> {
  const analysis = await analyse(sql, parsed);
  const groups: string[][] = [];
  const needles = new Set<string>(parsed.phrases.flat().map((w) => w.toLowerCase()));
  analysis.words.forEach((word, i) => {
    // A stop word ("the", "and") says nothing; a search for it alone lists everything.
    if (word.lexemes.length === 0) return;
    const fixes = corrections(word);
    groups.push(
      wordOperands(
        word,
        parsed.words[i]?.prefix ?? false,
        fixes.flatMap((c) => c.lexemes),
      ),
    );
    for (const needle of [parsed.words[i]?.word.toLowerCase(), word.norm, ...fixes.map((c) => c.word)]) {
      if (needle) needles.add(needle);
    }
  });
  const positive = groups.map(anyOf);
  for (const phrase of analysis.phrases) if (phrase) positive.push(`( ${phrase} )`);
  const negative = [
    ...analysis.excluded.filter((l) => l.length > 0).map((l) => allOf(l.map(quoteLexeme))),
    ...analysis.excludedPhrases.filter((p): p is string => p !== null).map((p) => `( ${p} )`),
  ].map((operand) => `!${operand}`);
  if (positive.length === 0 && negative.length === 0)
    return { tsquery: null, negativeOnly: false, rank: [], needles: [] };
  const tsquery = [...positive, ...negative].join(' & ');
  // One word and nothing else, each operand one lexeme (or prefix): they match disjoint sets of
  // lexemes, so every occurrence is a cover of one operand and the OR's rank is the sum of theirs.
  const single = positive.length === 1 && negative.length === 0 && groups.length === 1 ? groups[0]! : null;
  const rank = single && single.length > 1 && single.every((o) => !o.includes(' & ')) ? single : [tsquery];
  return { tsquery, negativeOnly: positive.length === 0, rank, needles: [...needles] };
}

/** Significant lexemes of a text OR-ed together (most repeated first), for `similar`. */
export async function buildSimilarityQuery(sql: Sql, text: string, maxLexemes = 24): Promise<string | null> {
  const rows = await sql`
    select lexeme from unnest(to_tsvector('heard', ${text.slice(0, 20_000)}))
    where length(lexeme) > 2 and lexeme !~ '^[0-9]+$'
    order by cardinality(positions) desc, length(lexeme) desc, lexeme
    limit ${maxLexemes}`;
  if (rows.length === 0) return null;
  return rows.map((r) => quoteLexeme(r.lexeme as string)).join(' | ');
}
