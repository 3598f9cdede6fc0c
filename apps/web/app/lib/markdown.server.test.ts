import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.server';

describe('rendering what people write', () => {
  it('renders markdown: emphasis, quotes, lists and links', () => {
    const html = renderMarkdown(
      '**Acme** said:\n\n> "We only found out from our bank."\n\n- one\n- two\n\n[ticket](https://support.example/8841)',
    );
    expect(html).toContain('<strong>Acme</strong>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('<a href="https://support.example/8841">ticket</a>');
  });

  it.each([
    ['<script>alert(1)</script>hello', '<script'],
    ['<img src=x onerror="alert(1)">', 'onerror'],
    ['[click](javascript:alert(1))', 'javascript:'],
    ['<a href="#" onclick="steal()">x</a>', 'onclick'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<style>body{display:none}</style>', '<style'],
  ])('removes what could run or hide the page: %s', (input, forbidden) => {
    expect(renderMarkdown(input)).not.toContain(forbidden);
  });

  it('gives the same HTML for the same text, first time or cached', () => {
    const text = `A text seen once ${Math.random()}`;
    expect(renderMarkdown(text)).toBe(renderMarkdown(text));
  });
});
