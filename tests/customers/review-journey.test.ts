import { createDeps } from '@heard/db';
import { postInsight } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';

const SHOTS = 'test-results/customers';
const web = useBrowserHub({ insights: 40, shots: SHOTS });
const { hub } = web;

describe.skipIf(!hasChromium)('the customer review queue in the browser', () => {
  beforeAll(async () => {
    // As chat would: an insight naming a customer only alike one Heard knows, so the pair waits for review.
    const deps = createDeps(hub.db.sql);
    const sam = (await deps.people.findByEmail('sam.carter@example.com'))!;
    await hub.db.sql`
      with c as (insert into customers (name, kind, segment, value) values ('Orchard Analytics GmbH', 'account', 'Enterprise', 180000) returning id)
      insert into customer_identifiers (customer_id, system, value, source) select id, 'crm', 'C-9001', 'import:crm' from c`;
    await postInsight(deps, {
      actor: sam,
      body: 'Orchard cannot export their usage report to CSV.',
      kind: 'pain',
      sentiment: 'negative',
      source: { kind: 'slack', url: 'https://example.slack.com/archives/C1/p1' },
      customers: [
        { name: 'Orchard Analytic Services', identifiers: [{ system: 'support', value: 'S-4411' }] },
      ],
    });
  });

  it('a curator compares both records, merges them, sees one customer and undoes the merge', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.setDefaultTimeout(8000);
    await web.signInAs(page, 'Léa Moreau');

    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('heading', { name: 'Customers by value' }).waitFor();
    await web.shoot(page, 'customers-by-value');
    await page.getByRole('link', { name: 'Matches to review (1)' }).click();
    const pair = page.getByRole('listitem', { name: 'Orchard Analytic Services and Orchard Analytics GmbH' });
    await pair.waitFor();
    await expect(pair.getByText('support:S-4411')).toBeTruthy();
    expect(await pair.textContent()).toContain('crm:C-9001');
    expect(await pair.textContent()).toContain('via slack');
    await web.shoot(page, 'review-queue');

    await pair.getByRole('button', { name: 'Same customer: merge' }).click();
    await page.getByRole('status').filter({ hasText: 'Merged.' }).waitFor();
    expect(await page.getByRole('listitem', { name: /Orchard/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Open the customer' }).click();
    await page.getByRole('heading', { name: 'Orchard Analytics GmbH' }).waitFor();
    const known = page.locator('.identifier-table');
    expect(await known.textContent()).toContain('support:S-4411');
    expect(await known.textContent()).toContain('Slack');
    expect(await page.getByText('Orchard cannot export their usage report to CSV.').count()).toBeGreaterThan(
      0,
    );
    await web.shoot(page, 'customer-after-merge');

    await page.getByRole('button', { name: 'Undo merge' }).click();
    await page.getByRole('status').filter({ hasText: 'Merge undone' }).waitFor();
    // The page's data is reloaded after the action answered: wait for the identifier to leave.
    await page.locator('.identifier-table').filter({ hasNotText: 'support:S-4411' }).waitFor();
    await web.shoot(page, 'customer-after-undo');
    expect(errors).toEqual([]);
  });

  it('an admin uploads a CSV and follows its progress to the summary', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(15000);
    await web.signInAs(page, 'Maya Lindqvist');
    await page.goto(`${web.url()}/import`);
    await page.getByLabel('Source system').fill('hubspot');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'hubspot.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Company;Domain;ARR\nKestrel Farms Ltd;kestrel.example;52000\nBroken;;lots\n'),
    });
    await web.shoot(page, 'import-form');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor();
    expect(await page.locator('.import-counts').textContent()).toContain('created 1');
    expect(await page.locator('.rejections').textContent()).toContain('value "lots" is not an amount');
    await web.shoot(page, 'import-summary');
  });
});
