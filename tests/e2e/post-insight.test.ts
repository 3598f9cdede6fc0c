import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';

const SHOTS = 'test-results/e2e';
const web = useBrowserHub({ insights: 40, shots: SHOTS });

describe.skipIf(!hasChromium)('a frontline person in the browser', () => {
  it('signs in, posts an insight and sees it at the top of the feed', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${web.url()}/`);
    await expect.poll(() => page.url()).toContain('/sign-in');
    await page.getByRole('button', { name: 'Sign in as Sam Carter' }).click();
    await page.getByRole('heading', { name: 'What customers are telling us' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/feed.png` });

    await page.getByRole('link', { name: 'Share what you heard' }).click();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByText('The text is empty: write something.').waitFor();
    await page.screenshot({ path: `${SHOTS}/post-empty.png`, fullPage: true });

    await page
      .getByLabel('What did you hear?')
      .fill('A customer was charged twice after changing plan mid-month');
    await page.getByText('Heard this before?').waitFor();
    await page.screenshot({ path: `${SHOTS}/post-similar.png` });

    await page
      .getByLabel('What did you hear?')
      .fill(
        'Harbor Dental was double-charged after adding two seats.\n\n> "Our bank told us before you did."',
      );
    await page.getByLabel('Kind').selectOption('pain');
    await page.getByLabel('Halve billing complaints by Q3').check();
    await page.getByLabel('Tags').fill('billing, proration');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('status').filter({ hasText: 'Shared.' }).waitFor();

    const first = page.locator('ol.feed > li').first();
    await expect
      .poll(() => first.getByRole('heading').textContent())
      .toBe('Harbor Dental was double-charged after adding two seats.');
    expect(await first.textContent()).toContain('Halve billing complaints by Q3');
    expect(await first.textContent()).toContain('Sam Carter');
    await page.screenshot({ path: `${SHOTS}/feed-after-post.png` });
    expect(errors).toEqual([]);
  });

  it('finds insights from the search box in the header', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${web.url()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in as Léa Moreau' }).click();
    await page.getByRole('heading', { name: 'What customers are telling us' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search insights' }).fill('invoice');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=invoice/);
    await page.locator('.hits li').first().waitFor();
    expect(await page.locator('.hits mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/search.png` });
  });

  it('reads well on a phone', async () => {
    const context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${web.url()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in as Chloé Dubois' }).click();
    await page.getByRole('heading', { name: 'What customers are telling us' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/feed-phone.png` });
    await context.close();
  });
});
