import { mkdir } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../support/browser';
import { freePort } from '../../support/free-port';
import { startOidcProvider } from '../../support/oidc-provider';
import { useWebHub } from '../../support/web-hub';
import { SHOTS } from './journey';

// The provider must know the hub's address before either starts: pick the hub's port first.
const port = await freePort();
const hubUrl = `http://127.0.0.1:${port}`;
const provider = await startOidcProvider(`${hubUrl}/sign-in/oidc/callback`);
provider.accounts.nadia = { email: 'nadia.sso@example.com', email_verified: true, name: 'Nadia Sso' };

const hub = useWebHub({
  app: {
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: `${hubUrl}/sign-in/oidc/callback`,
      providerName: 'Acme ID',
      allowInsecureRequests: true,
    },
  },
});
let browser: Browser;
let close: () => Promise<void>;

describe.skipIf(!hasChromium)('single sign-on in the browser', () => {
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const server = serve({ fetch: hub.app.fetch, port, hostname: '127.0.0.1' });
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await provider.stop();
  });

  it("signs a new person in through the provider's own pages and lands where they were going", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${hubUrl}/goals`);
    await page.waitForURL(/\/sign-in\?next=%2Fgoals/);
    await page.screenshot({ path: `${SHOTS}/sso-sign-in.png`, fullPage: true });
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill('nadia');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${hubUrl}/goals`);
    await page.getByRole('heading', { name: 'Strategic goals' }).waitFor();
    expect(await page.locator('.who-name').textContent()).toBe('Nadia Sso');
    const [person] = await hub.db.sql`select roles from people where email = 'nadia.sso@example.com'`;
    expect(person!.roles).toEqual(['frontline']);
    await page.screenshot({ path: `${SHOTS}/sso-signed-in.png` });
  });
});
