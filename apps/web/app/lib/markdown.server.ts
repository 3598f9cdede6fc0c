import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { LRUCache } from 'lru-cache';
import { Marked } from 'marked';

// One window for the process: building a JSDOM per call costs milliseconds a page cannot spare.
const purify = createDOMPurify(new JSDOM('').window);
const marked = new Marked({ gfm: true, breaks: true, async: false });

// Sanitising costs about half a millisecond per insight and the same texts are read over and
// over (the top of the feed above all), so rendered HTML is kept by its source text.
const rendered = new LRUCache<string, string>({
  max: 20_000,
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (html, text) => html.length + text.length,
});

/** Renders what people write as markdown into HTML safe to put in a page (no scripts, no handlers). */
export function renderMarkdown(text: string): string {
  const cached = rendered.get(text);
  if (cached !== undefined) return cached;
  const html = purify.sanitize(marked.parse(text) as string, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'img'],
  });
  rendered.set(text, html);
  return html;
}
