import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let sam: string;

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
});

describe('markdown preview on the post form', () => {
  it('renders through the same sanitiser as the insight page: formatting kept, scripts dropped', async () => {
    const response = await hub.post(
      '/markdown-preview',
      {
        body: '**Charged twice**\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n> "from our bank"',
      },
      sam,
    );
    expect(response.status).toBe(200);
    const { html } = (await response.json()) as { html: string };
    expect(html).toContain('<strong>Charged twice</strong>');
    expect(html).toContain('<blockquote>');
    expect(html).not.toMatch(/<script|onerror|<img/);
  });

  it('works without JavaScript: the Preview button answers with the preview and keeps every field', async () => {
    const response = await hub.post(
      '/post',
      {
        intent: 'preview',
        body: 'Globex wants *SEPA*',
        title: 'SEPA please',
        kind: 'request',
        sentiment: 'neutral',
        tags: 'billing',
        visibility: 'everyone',
      },
      sam,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Globex wants <em>SEPA</em>');
    expect(html).toContain('>Globex wants *SEPA*</textarea>');
    expect(html).toContain('value="SEPA please"');
    expect(html).toContain('value="billing"');
    expect((await hub.db.sql`select 1 from insights where title = 'SEPA please'`).length).toBe(0);
  });

  it('is only for people who are signed in', async () => {
    const response = await hub.post('/markdown-preview', { body: 'hello' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/sign-in/);
  });
});
