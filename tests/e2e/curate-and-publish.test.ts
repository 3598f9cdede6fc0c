import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';

const SHOTS = 'test-results/e2e';
const web = useBrowserHub({ insights: 80, shots: SHOTS });
const { hub } = web;

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(!hasChromium)('a curator in the browser', () => {
  it('triages in bulk, writes a story, publishes it and reads it in the magazine', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.setDefaultTimeout(8000);
    await web.signInAs(page, 'Léa Moreau');

    await page.getByRole('link', { name: 'Curation', exact: true }).click();
    await page.getByRole('heading', { name: 'Curation queue' }).waitFor();
    const boxes = page.locator('input[name="insightIds"]');
    const before = await boxes.count();
    expect(before).toBeGreaterThan(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Mark triaged (2)' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/curation.png` });
    await page.getByRole('button', { name: 'Mark triaged (2)' }).click();
    await page.getByRole('status').filter({ hasText: '2 insights marked triaged' }).waitFor();

    // A story for everyone to read, about a customer: an insight open to everyone, with a customer chip.
    const story = page
      .locator('ol.queue > li')
      .filter({ hasNot: page.locator('.badge-restricted'), has: page.locator('a.chip-customer') })
      .first();
    await story.getByRole('link', { name: 'Write story' }).click();
    await page.getByRole('heading', { name: 'Tell this as a customer story' }).waitFor();
    await page.getByLabel('Headline').fill('');
    await page.getByLabel('Image address').fill('https://images.example.com/front-desk.jpg');
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByText('The headline is empty: write something.').waitFor();
    expect(await page.getByLabel('Image address').inputValue()).toBe(
      'https://images.example.com/front-desk.jpg',
    );
    await web.shoot(page, 'story-form-errors');

    await page.getByLabel('Headline').fill('The front desk that stopped double-booking');
    await page
      .getByLabel(/^Summary/)
      .fill('One setting ended a weekly scramble. This is what good looks like.');
    await page.getByLabel(/^Pull quote/).fill('We got our Monday mornings back.');
    // A picture that cannot load must still leave a readable page: the coloured block is for no picture at all.
    await page.getByLabel('Image address').fill('');
    await page.getByLabel('Publish now, for everyone to read').check();
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByRole('heading', { name: 'Stories from the field' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
    const lead = page.locator('.story-feature');
    expect(await lead.getByRole('heading').textContent()).toBe('The front desk that stopped double-booking');
    expect(await lead.textContent()).toContain('We got our Monday mornings back.');
    await web.shoot(page, 'stories');

    await lead.locator('a.chip-customer').first().click();
    await page.getByRole('heading', { name: 'Known as' }).waitFor();
    expect(await page.locator('.customer-stories').textContent()).toContain(
      'The front desk that stopped double-booking',
    );
    await web.shoot(page, 'customer-after-story');

    // The customer the organisation knows best: most insights, with actions and evaluations.
    const [known] = await hub.db.sql`
      select ic.customer_id, count(*) as n from insight_customers ic
      join insights i on i.id = ic.insight_id and i.visibility_scope = 'everyone'
      where exists (select 1 from actions a where i.id = any(a.cited_insight_ids))
      group by ic.customer_id order by n desc limit 1`;
    await page.goto(`${web.url()}/customers/${known!.customer_id}`);
    await page.getByRole('heading', { name: 'What we did about it' }).waitFor();
    await web.shoot(page, 'customer');
    expect(errors).toEqual([]);
  });

  it('reads well on a phone: the queue, the stories and a customer page', async () => {
    const context = await web.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await web.signInAs(page, 'Léa Moreau');
    await page.goto(`${web.url()}/curation`);
    await page.getByRole('heading', { name: 'Curation queue' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/curation-phone.png` });
    await page.locator('ol.queue > li').first().locator('a.button').click();
    await page.getByRole('heading', { name: 'Tell this as a customer story' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await web.shoot(page, 'story-form-phone');
    await page.goto(`${web.url()}/stories`);
    await page.getByRole('heading', { name: 'Stories from the field' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await web.shoot(page, 'stories-phone');
    await page.locator('.story-feature a.chip-customer').first().click();
    await page.getByRole('heading', { name: 'Known as' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await web.shoot(page, 'customer-phone');
    await context.close();
  });
});
