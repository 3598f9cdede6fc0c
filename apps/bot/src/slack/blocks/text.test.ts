import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate } from './text';

describe('text for Block Kit', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts text over a limit to exactly the limit, ending with an ellipsis', () => {
    const cut = truncate('a'.repeat(5000), 3000);
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('ends cut text with a link to the rest, still within the limit', () => {
    const cut = truncate('word '.repeat(1000), 300, {
      url: 'http://hub.test/insights/1',
      label: 'Read the rest in Heard',
    });
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith('… <http://hub.test/insights/1|Read the rest in Heard>')).toBe(true);
  });

  it('keeps people’s text from opening links or mentions', () => {
    expect(escapeMrkdwn('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
  });
});
