import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/browser';
import { useJourney } from './journey';

const j = useJourney();

describe.skipIf(!hasChromium)('owner: Priya, who owns "Halve billing complaints by Q3"', () => {
  it('reads the goal, assigns an action inside the mandate and records an evaluation', async () => {
    const { page, context } = await j.open();
    await j.signInAs(page, 'Priya Raman');
    await page.getByRole('link', { name: 'Goals', exact: true }).click();
    await page.getByRole('heading', { name: 'Strategic goals' }).waitFor();
    await j.shoot(page, 'owner-goals');
    await page.getByRole('link', { name: 'Halve billing complaints by Q3' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Halve billing complaints by Q3' }).waitFor();
    expect(await page.locator('main svg').count()).toBeGreaterThan(0);

    await page.getByLabel('What needs doing?').fill('Put the proration rule on the invoice itself');
    const who = page.getByLabel("Who (people in the mandate's teams)");
    const options = await who.locator('option:not([disabled])').allTextContents();
    expect(options.length).toBeGreaterThan(0);
    await who.selectOption({ label: options[0]! });
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('Put the proration rule on the invoice itself').first().waitFor();

    await page.getByLabel('For customers, things got').selectOption('better');
    await page.getByLabel(/now \(/).fill('61');
    await page
      .getByLabel('What did customers say or do?')
      .fill('Fewer tickets about double charges since the invoice change.');
    await page.getByRole('button', { name: 'Record evaluation' }).click();
    await page.getByText('Fewer tickets about double charges since the invoice change.').waitFor();
    await j.shoot(page, 'owner-goal');
    j.expectNoScriptErrors();
    await context.close();
  });
});
