import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/browser';
import { useJourney } from './journey';

const j = useJourney();

describe.skipIf(!hasChromium)('frontline: Sam, a support agent', () => {
  it('shares what a customer said, says "me too" to a colleague, and reads the inbox', async () => {
    const { page, context } = await j.open();
    await j.signInAs(page, 'Sam Carter');
    await j.shoot(page, 'frontline-feed');

    await page.getByRole('link', { name: 'Share what you heard' }).click();
    await page.getByRole('heading', { name: 'Share what you heard' }).waitFor();
    await page
      .getByLabel('What did you hear?')
      .fill(
        "Northwind Clinics cannot find where to download last year's invoices.\n\nThey called twice this week.",
      );
    await page.getByLabel('Kind').selectOption('pain');
    await page.getByLabel('Halve billing complaints by Q3').check();
    await j.shoot(page, 'frontline-post');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Shared.' }).waitFor();

    const mine = page.locator('ol.feed > li').first();
    const title = "Northwind Clinics cannot find where to download last year's invoices.";
    await expect.poll(() => mine.getByRole('heading').textContent()).toBe(title);
    await mine.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.textContent('main')).toContain('Halve billing complaints by Q3');
    await j.shoot(page, 'frontline-insight');

    // A colleague's insight: "me too" counts once.
    await page.goto(`${j.state.url}/`);
    const other = page.locator('ol.feed > li').filter({ hasNotText: 'Sam Carter' }).first();
    await other.getByRole('heading').getByRole('link').click();
    const meToo = page.getByRole('button', { name: /^Me too · \d+$/ });
    const before = Number((await meToo.textContent())!.split('·')[1]);
    await meToo.click();
    await expect.poll(async () => Number((await meToo.textContent())!.split('·')[1])).toBe(before + 1);

    await page.getByRole('link', { name: /^Inbox/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await j.shoot(page, 'frontline-inbox');
    await page.getByRole('link', { name: 'My actions' }).click();
    await page.getByRole('heading', { name: 'My actions' }).waitFor();
    j.expectNoScriptErrors();
    await context.close();
  });
});
