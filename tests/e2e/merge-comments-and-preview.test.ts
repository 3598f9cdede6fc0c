import { buildInsight } from '@heard/db/testing';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';

const SHOTS = 'test-results/e2e';
const web = useBrowserHub({ insights: 40, shots: SHOTS });
const { hub } = web;

describe.skipIf(!hasChromium)('curators and colleagues in the browser', () => {
  it('previews markdown and picks a customer with the keyboard on the post form', async () => {
    const [customer] = await hub.db.sql`select name from customers order by name limit 1`;
    const page = await web.signIn('Sam Carter');
    await page.goto(`${web.url()}/post`);
    await page.getByLabel('What did you hear?').fill('**Charged twice**\n\n> "We found out from our bank."');
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByRole('tabpanel', { name: 'Preview' });
    await preview.locator('strong', { hasText: 'Charged twice' }).waitFor();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Preview' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.screenshot({ path: `${SHOTS}/post-preview.png` });
    await page.getByRole('tab', { name: 'Write' }).click();
    await expect.poll(() => page.getByLabel('What did you hear?').inputValue()).toContain('Charged twice');

    const field = page.getByRole('combobox', { name: 'Customer', exact: true });
    // Typed nearly in full, the customer is the best match and comes first.
    await field.fill(customer!.name.slice(0, -2));
    await page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/post-customer-typeahead.png` });
    await field.press('ArrowDown');
    await expect.poll(() => field.getAttribute('aria-activedescendant')).toBeTruthy();
    await field.press('Enter');
    await expect.poll(() => field.inputValue()).toBe(customer!.name);
    await page.getByText(`Picked: ${customer!.name}`).waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForURL((url) => url.searchParams.has('posted'));
    const [row] = await hub.db
      .sql`select c.name from insights i join insight_customers ic on ic.insight_id = i.id
      join customers c on c.id = ic.customer_id where i.body like '**Charged twice**%'`;
    expect(row?.name).toBe(customer!.name);
    await page.close();
  });

  it('comments on an insight, and a curator merges it into a duplicate and undoes it', async () => {
    const [sam] = await hub.db.sql`select id from people where email = 'sam.carter@example.com'`;
    const keep = await buildInsight(hub.db.sql, {
      reporterId: sam!.id,
      title: 'Quokka Ltd cannot download invoices as PDF',
      body: 'Quokka Ltd cannot download invoices as **PDF**; they print the page instead.',
    });
    const dup = await buildInsight(hub.db.sql, {
      reporterId: sam!.id,
      title: 'Quokka asks for PDF invoices',
      body: 'Quokka asked again for PDF invoices.',
    });
    const chloe = await web.signIn('Chloé Dubois');
    await chloe.goto(`${web.url()}/insights/${dup.id}`);
    await chloe.getByRole('button', { name: 'Comment' }).click();
    await chloe.getByText('The comment is empty: write something.').waitFor();
    await chloe.getByLabel('Add a comment').fill('Wombat Co asked for the **same** last week.');
    await chloe.getByRole('button', { name: 'Comment' }).click();
    await chloe.locator('.comment strong', { hasText: 'same' }).waitFor();
    await chloe.getByText('History').click();
    await chloe.getByText('commented', { exact: false }).first().waitFor();
    await chloe.screenshot({ path: `${SHOTS}/insight-comments-history.png`, fullPage: true });

    const lea = await web.signIn('Léa Moreau');
    await lea.goto(`${web.url()}/curation`);
    await lea.getByLabel(`Select “${dup.title}”`).check();
    await lea.getByLabel(`Select “${keep.title}”`).check();
    await lea.getByRole('button', { name: 'Merge…' }).click();
    await lea.getByRole('heading', { name: 'Merge 2 insights: which one stays?' }).waitFor();
    await lea.getByRole('radio', { name: keep.title }).check();
    await lea.screenshot({ path: `${SHOTS}/curation-merge-choose.png` });
    await lea.getByRole('button', { name: 'Merge into the one I chose' }).click();
    await lea.getByText('merged into', { exact: false }).waitFor();
    await lea.screenshot({ path: `${SHOTS}/curation-merged.png` });

    await chloe.goto(`${web.url()}/insights/${dup.id}`);
    await expect.poll(() => new URL(chloe.url()).pathname).toBe(`/insights/${keep.id}`);
    await chloe.getByText(`“${dup.title}” was merged into this insight`, { exact: false }).waitFor();
    await chloe.locator('.comment', { hasText: 'Wombat Co' }).waitFor();
    await chloe.screenshot({ path: `${SHOTS}/insight-merged-redirect.png`, fullPage: true });

    await lea.goto(`${web.url()}/insights/${keep.id}`);
    await lea.getByRole('button', { name: 'Undo merge' }).click();
    await expect.poll(() => new URL(lea.url()).pathname).toBe(`/insights/${dup.id}`);
    await lea.getByText('Merge undone', { exact: false }).waitFor();
    await lea.locator('.comment', { hasText: 'Wombat Co' }).waitFor();
    await lea.screenshot({ path: `${SHOTS}/insight-merge-undone.png`, fullPage: true });
  });
});
