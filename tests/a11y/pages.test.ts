import { writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, setUpFixtures } from '../authz/fixtures';
import { type Actor, PAGE_ROWS } from '../authz/route-table';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';
import { auditPage, type Finding, isSerious } from './axe';

const REPORT = 'test-results/a11y';
const web = useBrowserHub({ insights: 80, shots: REPORT });
const { hub } = web;
let f: Fixtures;

/** Routes with nothing to read: redirects (sign-out, the start of single sign-on) and JSON (similar); other non-HTML answers are skipped as they come. */
const NOT_PAGES = new Set(['sign-out', 'sign-out-everywhere', 'sign-in/oidc', 'similar']);
const ROLES: Actor[] = ['frontline', 'curator', 'owner', 'leader', 'admin', 'outsider'];

/** Every page (from the route table) each person may open, plus the 403 and 404 pages in the hub's layout. */
function pagesFor(actor: Actor): { label: string; path: string }[] {
  const pages = PAGE_ROWS.filter(
    (r) => r.method === 'GET' && r.allowed.includes(actor) && !NOT_PAGES.has(r.route),
  ).map((r) => ({ label: `${r.route || '/'}${r.note ? ` (${r.note})` : ''}`, path: r.path(f) }));
  if (actor !== 'outsider')
    pages.push(
      { label: 'a 404 page', path: '/insights/00000000-0000-0000-0000-000000000000' },
      ...(actor === 'admin' ? [] : [{ label: 'a 403 page', path: '/admin/people' }]),
    );
  return pages;
}

describe.skipIf(!hasChromium)('accessibility (axe-core) of every page, as every role', () => {
  beforeAll(async () => {
    f = await setUpFixtures(hub);
  });

  it.each(ROLES)('has no serious or critical violations as %s', async (actor) => {
    const context = await web.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const cookie = await f.cookieFor(actor);
    if (cookie)
      await context.addCookies([
        {
          name: 'heard_session',
          value: cookie.split('=')[1]!,
          url: web.url(),
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const findings: Finding[] = [];
    const audited: string[] = [];
    for (const { label, path } of pagesFor(actor)) {
      // JSON and file downloads (type-ahead, previews, exports) have nothing to read: asked first, skipped.
      const probe = await context.request.get(`${web.url()}${path}`, { maxRedirects: 0 });
      if (probe.status() < 300 && !probe.headers()['content-type']?.includes('text/html')) continue;
      await page.goto(`${web.url()}${path}`, { waitUntil: 'load' });
      findings.push(...(await auditPage(page, `${label} → ${page.url().replace(web.url(), '')}`)));
      audited.push(label);
    }
    await context.close();
    await writeFile(`${REPORT}/${actor}.json`, JSON.stringify({ audited, findings }, null, 2));
    expect(audited.length).toBeGreaterThan(actor === 'outsider' ? 4 : 12);
    const serious = findings
      .filter(isSerious)
      .map((v) => `${v.page}: ${v.rule} (${v.impact}) ${v.help} — ${v.targets.join(', ')}`);
    expect(serious).toEqual([]);
  });
});
