import { describe, expect, it } from 'vitest';
import { isEmptySearch, MAX_QUERY_WORDS, parseSearchText, typoBudget, typoDistance } from './query-syntax';
import { markedToHtml, openingExcerpt, stripSentinels } from './snippet';

describe('the search text syntax', () => {
  it('reads words, the last one as a prefix while it is being typed', () => {
    expect(parseSearchText('invoice tot').words).toEqual([
      { word: 'invoice', prefix: false },
      { word: 'tot', prefix: true },
    ]);
    expect(parseSearchText('invoice tot ').words.at(-1)).toEqual({ word: 'tot', prefix: false });
    expect(parseSearchText('invoice.').words).toEqual([{ word: 'invoice', prefix: false }]);
  });

  it('reads "phrases", also unterminated, and -exclusions of words and phrases', () => {
    expect(parseSearchText('"charged twice" refund -csv -"the pdf" "half done')).toEqual({
      words: [{ word: 'refund', prefix: false }],
      phrases: [
        ['charged', 'twice'],
        ['half', 'done'],
      ],
      excludedWords: ['csv'],
      excludedPhrases: [['the', 'pdf']],
    });
    expect(parseSearchText('-e-mail').excludedPhrases).toEqual([['e', 'mail']]);
    expect(parseSearchText('e-mail').words.map((w) => w.word)).toEqual(['e', 'mail']);
  });

  it('keeps accents and case for the engine, drops punctuation and bounds the work', () => {
    expect(parseSearchText("Müller's facturé").words.map((w) => w.word)).toEqual(['Müller', 's', 'facturé']);
    expect(isEmptySearch(parseSearchText(' !? "" - '))).toBe(true);
    const many = parseSearchText(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(many.words).toHaveLength(MAX_QUERY_WORDS);
  });

  it('forgives typos like Meilisearch: by word length, a swap counting as one', () => {
    expect([typoBudget('tool'), typoBudget('tools'), typoBudget('invoicing')]).toEqual([0, 1, 2]);
    expect(typoDistance('invocie', 'invoice')).toBe(1);
    expect(typoDistance('exprot', 'export')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('snippets as safe HTML', () => {
  it('escapes the text and turns only the sentinels into <mark>', () => {
    expect(markedToHtml('a \uE000<b>\uE001 & "c"')).toBe('a <mark>&lt;b&gt;</mark> &amp; &quot;c&quot;');
    expect(markedToHtml('\uE001x\uE000y')).toBe('x<mark>y</mark>');
    expect(stripSentinels('a\uE000b\uE001c')).toBe('abc');
  });

  it('cuts an opening excerpt at a word boundary', () => {
    expect(openingExcerpt('<i>short</i>')).toBe('&lt;i&gt;short&lt;/i&gt;');
    expect(openingExcerpt(`${'word '.repeat(60)}`, 20)).toBe('word word word word …');
  });
});
