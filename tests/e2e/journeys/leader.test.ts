import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/browser';
import { useJourney } from './journey';

const j = useJourney();

describe.skipIf(!hasChromium)('leader: Jonas, VP Sales', () => {
  it('reads the process-health dashboard, the goals and the stories', async () => {
    const { page, context } = await j.open();
    await j.signInAs(page, 'Jonas Berger');
    await page.getByRole('link', { name: 'Health', exact: true }).click();
    await page.getByRole('heading', { name: 'Process health' }).waitFor();
    for (const process of ['Acquisition', 'Transformation', 'Sharing', 'Reactivity'])
      await page.getByRole('heading', { level: 2, name: process }).waitFor();
    expect(await page.locator('main svg').count()).toBeGreaterThanOrEqual(4);
    await j.shoot(page, 'leader-health');

    await page.getByRole('link', { name: 'Goals', exact: true }).click();
    await page.getByRole('heading', { name: 'Strategic goals' }).waitFor();
    await page.getByRole('link', { name: 'Stories', exact: true }).click();
    await page.getByRole('heading', { name: 'Stories from the field' }).waitFor();
    await j.shoot(page, 'leader-stories');
    // Leaders do not curate: no curation in their menu.
    expect(await page.getByRole('link', { name: 'Curation', exact: true }).count()).toBe(0);
    j.expectNoScriptErrors();
    await context.close();
  });
});
