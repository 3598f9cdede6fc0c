import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/browser';
import { useJourney } from './journey';

const j = useJourney();

describe.skipIf(!hasChromium)('admin: Maya, who manages people', () => {
  it('invites someone, changes a role, deactivates a person who then cannot sign in, and reactivates them', async () => {
    const { page, context } = await j.open();
    await j.signInAs(page, 'Maya Lindqvist');
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('heading', { name: 'People and teams' }).waitFor();

    await page.getByLabel('Email').fill('noor.haddad@example.com');
    await page.getByLabel('Name', { exact: true }).fill('Noor Haddad');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByRole('textbox', { name: 'Invitation link for Noor Haddad' }).waitFor();

    const chloe = page.getByRole('row').filter({ hasText: 'chloe.dubois@example.com' });
    await chloe.getByText('Change').click();
    await chloe.getByRole('checkbox', { name: 'curator' }).check();
    await chloe.getByRole('button', { name: 'Save Chloé Dubois' }).click();
    await page.getByRole('status').filter({ hasText: 'Chloé Dubois: saved.' }).waitFor();
    const chloeRoles = page
      .getByRole('row')
      .filter({ hasText: 'chloe.dubois@example.com' })
      .locator('td')
      .nth(3);
    await expect.poll(() => chloeRoles.textContent()).toBe('frontline, curator');

    const sam = page.getByRole('row').filter({ hasText: 'sam.carter@example.com' });
    await sam.getByText('Change').click();
    await sam.getByRole('button', { name: 'Deactivate Sam Carter' }).click();
    await page.getByRole('status').filter({ hasText: 'Sam Carter is deactivated' }).waitFor();
    await j.shoot(page, 'admin-people');

    const other = await j.open();
    await other.page.goto(`${j.state.url}/sign-in`);
    await other.page.getByRole('button', { name: 'Sign in as Sam Carter' }).click();
    await other.page.getByText('That email and password do not match an account.').waitFor();
    await other.context.close();

    const samAgain = page.getByRole('row').filter({ hasText: 'sam.carter@example.com' });
    const reactivate = samAgain.getByRole('button', { name: 'Reactivate Sam Carter' });
    // The row's details stay open from before, unless the page was reloaded.
    if (!(await reactivate.isVisible())) await samAgain.getByText('Change').click();
    await reactivate.click();
    await page.getByRole('status').filter({ hasText: 'Sam Carter can sign in again.' }).waitFor();
    j.expectNoScriptErrors();
    await context.close();
  });
});
