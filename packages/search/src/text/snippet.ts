// Snippets are safe HTML: the engine marks matches with two private-use sentinel characters,
// the text is HTML-escaped, and only then do the sentinels become <mark> and </mark>.

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const SENTINELS = /[\uE000\uE001]/gu;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Removes the sentinels from indexed text, so a document can never forge a highlight. */
export function stripSentinels(text: string): string {
  return text.replace(SENTINELS, '');
}

/** Escapes text marked with the sentinels and turns balanced sentinel pairs into <mark> elements. */
export function markedToHtml(marked: string): string {
  let html = '';
  let open = false;
  for (const part of marked.split(/([\uE000\uE001])/u)) {
    if (part === MARK_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** The opening of a text as escaped HTML, cut at a word boundary, for listings without a query. */
export function openingExcerpt(text: string, maxChars = 200): string {
  const flat = stripSentinels(text).replace(/\s+/gu, ' ').trim();
  if (flat.length <= maxChars) return escapeHtml(flat);
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${escapeHtml((space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd())} …`;
}
