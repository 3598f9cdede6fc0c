import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let maya: string;
let sam: string;

beforeAll(async () => {
  maya = await hub.signIn('maya.lindqvist@example.com');
  sam = await hub.signIn('sam.carter@example.com');
});

describe('process health', () => {
  it('shows a leader the four processes with figures and accessible charts', async () => {
    const response = await hub.get('/health', maya);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const section of ['Acquisition', 'Transformation', 'Sharing', 'Reactivity']) {
      expect(html).toContain(`<h2>${section}</h2>`);
    }
    const [{ n }] = (await hub.db.sql`
      select count(*)::int as n from insights
      where created_at >= date_trunc('week', now() at time zone 'UTC') at time zone 'UTC' - interval '11 weeks'`) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    expect(html).toContain(`${n} insights`);
    expect(html).toMatch(/Reach across teams[\s\S]*?\d+%/);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/aria-label="Insights per week by source over the last 12 weeks: \d+ in total/);
    expect(html).toContain('href="/health"');
  });

  it('answers frontline staff with a 403 in the hub layout, and hides the link', async () => {
    const response = await hub.get('/health', sam);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('Only leaders');
    expect(html).toContain('class="topbar"');
    expect(html).not.toContain('href="/health"');
  });
});
