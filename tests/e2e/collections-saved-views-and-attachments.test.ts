import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditPage, isSerious } from '../a11y/axe';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';

const uploadsDir = await mkdtemp(join(tmpdir(), 'heard-e2e-uploads-'));
const SHOTS = 'test-results/e2e';
const web = useBrowserHub({ insights: 40, app: { uploadsDir }, shots: SHOTS });
const { hub } = web;

// A 64×48 blue PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfElEQVRoge2SAQkAQBCD1sv+FZbnY8jxAwPoWKCniW7AAqqvyC7Uu0Q3YAHVV2QX6l2iG7CA6iuyC/Uu0Q1YQPUV2YV6l+gGLKD6iuxCvUt0AxZQfUV2od4lugELqL4iu1DvEt2ABVRfkV2od4luwAKqr8gu1LtEN+DzgAfgcpDiHN+KLQAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!hasChromium)('saved views, collection order and attachments in the browser', () => {
  afterAll(async () => {
    await rm(uploadsDir, { recursive: true, force: true });
  });

  it('saves a filtered feed as a view and opens it again from the feed', async () => {
    const page = await web.signIn('Sam Carter');
    await page.getByLabel('Kind').first().selectOption('pain');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'pain');
    await page.getByLabel('Save this view as').fill('Pains');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page
      .getByRole('navigation', { name: 'Saved views' })
      .getByRole('link', { name: 'Pains' })
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/feed-saved-views.png` });
    await page.goto(`${web.url()}/`);
    await page.getByRole('navigation', { name: 'Saved views' }).getByRole('link', { name: 'Pains' }).click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'pain');
    await page.close();
  });

  it('lets a curator reorder a collection by dragging, and with the keyboard buttons', async () => {
    const [collection] = await hub.db.sql`select id from collections where published_at is not null limit 1`;
    const order = async () =>
      (
        await hub.db
          .sql`select insight_id from collection_items where collection_id = ${collection!.id} order by position`
      ).map((r) => r.insight_id as string);
    const before = await order();
    const page = await web.signIn('Léa Moreau');
    await page.goto(`${web.url()}/stories`);
    const items = page.locator('.collection-list > li');
    await items.first().waitFor();
    await page.waitForLoadState('networkidle'); // hydrated: drag and drop needs the page's script
    await page.screenshot({ path: `${SHOTS}/stories-collection-order.png`, fullPage: true });
    await items.last().dragTo(items.first());
    await expect.poll(order).toEqual([before[before.length - 1], ...before.slice(0, -1)]);
    const moved = await order();
    const later = page.getByRole('button', { name: /later$/ }).first();
    await later.focus();
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual([moved[1], moved[0], ...moved.slice(2)]);
    await page.getByText(/is now number 2 of/).waitFor({ state: 'attached' });
    expect((await auditPage(page, 'stories for a curator')).filter(isSerious)).toEqual([]);
    await page.goto(`${web.url()}/curation`);
    const boxes = page.locator('input[name="insightIds"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('heading', { name: /which one stays\?/ }).waitFor();
    expect((await auditPage(page, 'curation merge chooser')).filter(isSerious)).toEqual([]);
    await page.close();
  });

  it('adds a picture to an insight and shows its thumbnail', async () => {
    const [insight] = await hub.db.sql`select i.id from insights i join people p on p.id = i.reporter_id
      where p.email = 'sam.carter@example.com' and i.visibility_scope = 'everyone' limit 1`;
    const file = join(uploadsDir, '..', 'heard-e2e-screenshot.png');
    await writeFile(file, PNG);
    const page = await web.signIn('Sam Carter');
    await page.goto(`${web.url()}/insights/${insight!.id}`);
    await page.waitForLoadState('networkidle');
    await page.getByLabel(/Add pictures or video/).setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('1 file added.').waitFor();
    const thumb = page.locator('.attachment-grid img').first();
    await thumb.waitFor();
    await thumb.scrollIntoViewIfNeeded(); // thumbnails load lazily, when they come into view
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    await page.screenshot({ path: `${SHOTS}/insight-attachments.png`, fullPage: true });
    expect((await auditPage(page, 'insight with attachments')).filter(isSerious)).toEqual([]);
    await page.goto(`${web.url()}/saved-views`);
    expect((await auditPage(page, 'saved views')).filter(isSerious)).toEqual([]);
    await page.goto(`${web.url()}/post`);
    await page.getByRole('combobox', { name: 'Customer', exact: true }).fill('Acme');
    await page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first().waitFor();
    expect((await auditPage(page, 'post form with suggestions open')).filter(isSerious)).toEqual([]);
    await rm(file, { force: true });
  });
});
