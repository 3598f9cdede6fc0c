import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/browser';
import { useJourney } from './journey';

const j = useJourney();

describe.skipIf(!hasChromium)('on a phone: Chloé, an account executive between meetings', () => {
  it('reads the feed, shares an insight and reads it back, with nothing wider than the screen', async () => {
    const { page, context } = await j.open('phone');
    await j.signInAs(page, 'Chloé Dubois');
    await j.expectNoSidewaysScroll(page);
    await j.shoot(page, 'phone-feed');

    await page.getByRole('link', { name: 'Share what you heard' }).click();
    await page.getByRole('heading', { name: 'Share what you heard' }).waitFor();
    await j.expectNoSidewaysScroll(page);
    await page
      .getByLabel('What did you hear?')
      .fill('Bluebird Logistics would renew today if SSO came with the standard plan.');
    await page.getByLabel('Kind').selectOption('request');
    await j.shoot(page, 'phone-post');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Shared.' }).waitFor();

    const title = 'Bluebird Logistics would renew today if SSO came with the standard plan.';
    await page.locator('ol.feed > li').first().getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await j.expectNoSidewaysScroll(page);
    await j.shoot(page, 'phone-insight');

    await page.goto(`${j.state.url}/goals`);
    await page.getByRole('heading', { name: 'Strategic goals' }).waitFor();
    await j.expectNoSidewaysScroll(page);
    await j.shoot(page, 'phone-goals');
    expect(page.viewportSize()!.width).toBe(390);
    j.expectNoScriptErrors();
    await context.close();
  });
});
