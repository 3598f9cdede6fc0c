import { describe, it } from 'vitest';
import { useJourney } from '../e2e/journeys/journey';
import { hasChromium } from '../support/browser';

const j = useJourney();

describe.skipIf(!hasChromium)('governance in the browser', () => {
  it('a reporter shares text with contact details and sees what was masked; an admin sees who may read it, the audit log, retention, erasure and the data map', async () => {
    const reporter = await j.open();
    await j.signInAs(reporter.page, 'Sam Carter');
    await reporter.page.goto(`${j.state.url}/post`);
    await reporter.page
      .getByLabel('What did you hear?')
      .fill(
        'Anna (anna.berg@example.com, +44 20 7946 0958) read out her card 4111 1111 1111 1111 when the invoice failed.',
      );
    await reporter.page.getByRole('button', { name: /Share/ }).last().click();
    await reporter.page.getByText('We protected personal data in what you shared').waitFor();
    await j.shoot(reporter.page, 'governance-reporter-masked');
    const insightUrl = reporter.page.url().split('?')[0]!;
    await reporter.context.close();

    const admin = await j.open();
    await j.signInAs(admin.page, 'Maya Lindqvist');
    await admin.page.goto(insightUrl);
    await admin.page.getByText(/Who may read this and why/).click();
    await admin.page.getByRole('link', { name: 'Show the originals' }).click();
    await admin.page.getByText('anna.berg@example.com').waitFor();
    await j.shoot(admin.page, 'governance-admin-insight');

    await admin.page.getByRole('link', { name: 'Governance' }).click();
    await admin.page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await admin.page.getByLabel('Action').selectOption('insight.pii_revealed');
    await admin.page.getByRole('button', { name: 'Search' }).click();
    await admin.page.getByRole('cell', { name: 'insight.pii_revealed' }).first().waitFor();
    await j.shoot(admin.page, 'governance-audit');

    await admin.page.getByRole('link', { name: 'Retention and privacy' }).click();
    await admin.page.getByRole('button', { name: 'Run retention now' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Retention applied' }).waitFor();
    await j.shoot(admin.page, 'governance-retention');

    await admin.page.getByRole('link', { name: 'Export and erasure' }).click();
    await admin.page.getByLabel('Customer identifier').fill('crm:C-1000');
    await admin.page.getByRole('button', { name: 'Find' }).click();
    await admin.page.waitForURL(/identifier=crm%3AC-1000/);
    const confirm = admin.page.getByRole('checkbox', { name: 'I understand this cannot be undone.' });
    await confirm.waitFor({ timeout: 30_000 });
    await j.shoot(admin.page, 'governance-erasure-found');
    await confirm.check();
    await admin.page.getByRole('button', { name: /^Erase / }).click();
    await admin.page.getByRole('heading', { name: /^Erased in/ }).waitFor({ timeout: 30_000 });
    await j.shoot(admin.page, 'governance-erasure');
    await admin.page.getByText('found nowhere in the database or the search index').waitFor();

    await admin.page.getByRole('link', { name: 'Data map' }).click();
    await admin.page.getByRole('heading', { name: 'Data map' }).waitFor();
    await j.shoot(admin.page, 'governance-data-map');
    j.expectNoScriptErrors();
    await admin.context.close();
  });
});
