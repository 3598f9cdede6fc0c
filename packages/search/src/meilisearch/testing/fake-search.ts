// The search half of the Meilisearch fake: just enough of the filter grammar,
// text matching, sorting, faceting, pagination and highlighting for the
// requests the engine sends. Not a model of relevance (hits keep insertion
// order unless sorted) and no cropping.

export type FakeDocument = Record<string, unknown>;

export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Value = string | number | boolean;

function parseValue(raw: string): Value {
  const text = raw.trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(text) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(text);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^[\w:-]+$/.test(text)) return text;
  throw new FakeApiError(400, 'invalid_search_filter', `Unreadable filter value: ${text}`);
}

function splitList(inner: string): Value[] {
  const items = inner.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,\s][^,]*/g) ?? [];
  return items.map(parseValue);
}

function compare(have: unknown, operator: string, want: Value): boolean {
  const values = Array.isArray(have) ? have : [have];
  return values.some((value) => {
    if (value === null || value === undefined) return false;
    if (operator === '=' || operator === '!=') {
      const equal = String(value).toLowerCase() === String(want).toLowerCase();
      return operator === '=' ? equal : !equal;
    }
    const [a, b] = typeof want === 'number' ? [Number(value), want] : [String(value), String(want)];
    if (operator === '>') return a > b;
    if (operator === '>=') return a >= b;
    if (operator === '<') return a < b;
    return a <= b;
  });
}

/** One condition of the grammar subset the engine writes: `a = v`, `a >= n`, `a IN [v, …]`. */
export function matchesCondition(doc: FakeDocument, condition: string): boolean {
  const inList = /^(\w+)\s+IN\s+\[(.*)\]$/.exec(condition.trim());
  if (inList) return splitList(inList[2]!).some((value) => compare(doc[inList[1]!], '=', value));
  const op = /^(\w+)\s*(>=|<=|!=|=|>|<)\s*(.+)$/.exec(condition.trim());
  if (!op) throw new FakeApiError(400, 'invalid_search_filter', `Unreadable filter: ${condition}`);
  return compare(doc[op[1]!], op[2]!, parseValue(op[3]!));
}

/** A filter string or array (items ANDed, nested arrays ORed). */
export function matchesFilter(doc: FakeDocument, filter: unknown): boolean {
  if (filter === undefined || filter === null) return true;
  if (typeof filter === 'string') return matchesCondition(doc, filter);
  if (!Array.isArray(filter)) throw new FakeApiError(400, 'invalid_search_filter', 'Bad filter');
  return filter.every((item) =>
    Array.isArray(item) ? item.some((c) => matchesCondition(doc, String(c))) : matchesFilter(doc, item),
  );
}

interface ParsedText {
  words: string[];
  phrases: string[];
  excluded: string[];
}

function parseText(q: string): ParsedText {
  const phrases = [...q.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.toLowerCase()).filter(Boolean);
  const rest = q
    .replace(/"[^"]*"/g, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return {
    phrases,
    excluded: rest.filter((w) => w.startsWith('-') && w.length > 1).map((w) => w.slice(1)),
    words: rest.filter((w) => !w.startsWith('-')),
  };
}

const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function searchableText(doc: FakeDocument, attributes: string[]): string {
  return attributes
    .map((a) =>
      [doc[a]]
        .flat()
        .filter((v) => typeof v === 'string')
        .join(' '),
    )
    .join(' ');
}

function matchesText(doc: FakeDocument, parsed: ParsedText, searchable: string[], strategy: string): boolean {
  const text = searchableText(doc, searchable);
  const have = tokens(text);
  const lower = text.toLowerCase();
  if (parsed.excluded.some((w) => have.includes(w))) return false;
  if (!parsed.phrases.every((p) => lower.includes(p))) return false;
  const last = parsed.words.length - 1;
  const hits = parsed.words.map((w, i) => have.some((t) => t === w || (i === last && t.startsWith(w))));
  if (parsed.words.length === 0) return true;
  return strategy === 'last' ? hits.some(Boolean) : hits.every(Boolean);
}

function highlight(value: string, parsed: ParsedText, pre: string, post: string): string {
  const terms = [...parsed.words, ...parsed.phrases].filter(Boolean);
  if (terms.length === 0) return value;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return value.replace(new RegExp(`(${escaped.join('|')})`, 'gi'), `${pre}$1${post}`);
}

export interface FakeSearchSettings {
  searchableAttributes: string[];
  maxTotalHits: number;
}

export function fakeSearch(
  docs: FakeDocument[],
  body: Record<string, unknown>,
  settings: FakeSearchSettings,
) {
  const q = typeof body.q === 'string' ? body.q : '';
  const parsed = parseText(q);
  const searchable =
    settings.searchableAttributes[0] === '*'
      ? [...new Set(docs.flatMap((d) => Object.keys(d)))]
      : settings.searchableAttributes;
  const strategy = typeof body.matchingStrategy === 'string' ? body.matchingStrategy : 'last';
  let matched = docs.filter(
    (d) => matchesFilter(d, body.filter) && matchesText(d, parsed, searchable, strategy),
  );
  for (const rule of [...((body.sort as string[] | undefined) ?? [])].reverse()) {
    const [attribute, direction] = rule.split(':') as [string, string];
    const sign = direction === 'desc' ? -1 : 1;
    matched = [...matched].sort((a, b) => {
      const [x, y] = [a[attribute] as number, b[attribute] as number];
      return x === y ? 0 : x < y ? -sign : sign;
    });
  }
  const reachable = matched.slice(0, settings.maxTotalHits);
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const facet of (body.facets as string[] | undefined) ?? []) {
    const counts: Record<string, number> = {};
    for (const doc of matched) {
      for (const value of [doc[facet]].flat()) {
        if (value !== null && value !== undefined) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
      }
    }
    facetDistribution[facet] = counts;
  }
  const pageMode = body.page !== undefined || body.hitsPerPage !== undefined;
  const hitsPerPage = Number(body.hitsPerPage ?? 20);
  const page = Number(body.page ?? 1);
  const offset = pageMode ? (page - 1) * hitsPerPage : Number(body.offset ?? 0);
  const limit = pageMode ? hitsPerPage : Number(body.limit ?? 20);
  const pre = String(body.highlightPreTag ?? '<em>');
  const post = String(body.highlightPostTag ?? '</em>');
  const toHighlight = new Set((body.attributesToHighlight as string[] | undefined) ?? []);
  const formatted = [...toHighlight, ...((body.attributesToCrop as string[] | undefined) ?? [])];
  const retrieve = body.attributesToRetrieve as string[] | undefined;
  const hits = reachable.slice(offset, offset + limit).map((doc) => {
    const hit: FakeDocument = retrieve ? Object.fromEntries(retrieve.map((a) => [a, doc[a]])) : { ...doc };
    if (formatted.length > 0) {
      const attributes = [...new Set([...(retrieve ?? Object.keys(doc)), ...formatted])];
      hit._formatted = Object.fromEntries(
        attributes.map((a) => {
          const value = doc[a] ?? null;
          return [
            a,
            typeof value === 'string' && toHighlight.has(a) ? highlight(value, parsed, pre, post) : value,
          ];
        }),
      );
    }
    return hit;
  });
  const base = { hits, query: q, processingTimeMs: 1, facetDistribution, facetStats: {} };
  const total = reachable.length;
  return pageMode
    ? {
        ...base,
        hitsPerPage,
        page,
        totalPages: hitsPerPage ? Math.ceil(total / hitsPerPage) : 0,
        totalHits: total,
      }
    : { ...base, offset, limit, estimatedTotalHits: total };
}
