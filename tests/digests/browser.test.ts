import { buildDigest, createSubscriptionRepository } from '@heard/db';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser';
import { useBrowserHub } from '../support/browser-hub';

const SHOTS = 'test-results/digests';
const web = useBrowserHub({ insights: 60, shots: SHOTS });
const { hub } = web;

describe.skipIf(!hasChromium)('a leader following a goal in the browser', () => {
  it('subscribes from the goal page in their own time zone, then reads a digest on the web', async () => {
    const context = await web.browser.newContext({
      viewport: { width: 1200, height: 900 },
      timezoneId: 'Asia/Tokyo',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${web.url()}/sign-in`);
    await page.getByRole('button', { name: 'Sign in as Priya Raman' }).click();
    await page.waitForURL(`${web.url()}/`);
    await page.goto(`${web.url()}/goals`);
    await page.getByRole('link', { name: 'Halve billing complaints by Q3' }).first().click();
    await page.getByRole('link', { name: 'Subscribe to this goal' }).click();
    await page.getByRole('heading', { name: 'Subscribe' }).waitFor();
    // The browser's zone is preselected: the server could not know it.
    await expect.poll(() => page.locator('select[name="timeZone"]').inputValue()).toBe('Asia/Tokyo');
    await page.locator('input[name="localTime"]').fill('08:30');
    await page.screenshot({ path: `${SHOTS}/subscribe-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.getByText('Subscribed to Goal: Halve billing complaints by Q3.').waitFor();

    await page.goto(`${web.url()}/settings`);
    await page.getByText('Every Monday at 08:30 (Asia/Tokyo)').waitFor();
    await page.screenshot({ path: `${SHOTS}/settings.png`, fullPage: true });

    // A digest for this subscription, built as the job would build it, covering the seeded weeks.
    const [row] = await hub.db.sql`select s.id from subscriptions s join people p on p.id = s.person_id
                                   where p.email = 'priya.raman@example.com' and s.ended_at is null`;
    const subscription = await createSubscriptionRepository(hub.db.sql).findActive(row!.id as string);
    await hub.db
      .sql`update subscriptions set created_at = now() - interval '60 days' where id = ${subscription!.id}`;
    const [{ last }] = (await hub.db.sql`select max(created_at) as last from insights`) as unknown as [
      { last: Date },
    ];
    await hub.db
      .sql`insert into digests (subscription_id, person_id, period_start, period_end, channel, status)
                     values (${subscription!.id}, ${subscription!.personId}, ${new Date(last.getTime() - 120 * 86_400_000)},
                             ${new Date(last.getTime() - 60 * 86_400_000)}, 'web', 'empty')`;
    const outcome = await buildDigest(hub.db.sql, {
      subscriptionId: subscription!.id,
      periodEnd: new Date(last.getTime() + 1000).toISOString(),
    });
    expect(outcome).toMatchObject({ outcome: 'built', empty: false });

    await page.goto(`${web.url()}/digests`);
    await page.getByRole('link', { name: 'Goal: Halve billing complaints by Q3' }).click();
    await page
      .getByRole('heading', { name: /Weekly digest · Goal: Halve billing complaints by Q3/ })
      .waitFor();
    await page.getByRole('heading', { name: 'KPI progress' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/digest-web-version.png`, fullPage: true });
    await page.getByRole('button', { name: 'Unsubscribe from this digest' }).click();
    await page.getByText('Unsubscribed. Digests already received stay in your archive.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
