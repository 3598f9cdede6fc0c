import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/browser';
import { useJourney } from './journey';

const j = useJourney();

describe.skipIf(!hasChromium)('curator: Léa, internal communications', () => {
  it('archives from the queue, finds insights by search and opens a story form', async () => {
    const { page, context } = await j.open();
    await j.signInAs(page, 'Léa Moreau');
    await page.getByRole('link', { name: 'Curation', exact: true }).click();
    await page.getByRole('heading', { name: 'Curation queue' }).waitFor();
    const boxes = page.locator('input[name="insightIds"]');
    const before = await boxes.count();
    expect(before).toBeGreaterThan(1);
    await boxes.nth(0).check();
    await page.getByRole('button', { name: /^Archive/ }).click();
    await page.getByRole('status').filter({ hasText: 'archived' }).waitFor();
    await j.shoot(page, 'curator-queue');

    await page.getByRole('searchbox', { name: 'Search insights' }).fill('invoice');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=invoice/);
    await page.locator('.hits li').first().waitFor();
    await j.shoot(page, 'curator-search');

    await page.getByRole('link', { name: 'Curation', exact: true }).click();
    await page.getByRole('link', { name: 'Write story' }).first().click();
    await page.getByRole('heading', { name: 'Tell this as a customer story' }).waitFor();
    await j.shoot(page, 'curator-story-form');
    j.expectNoScriptErrors();
    await context.close();
  });
});
