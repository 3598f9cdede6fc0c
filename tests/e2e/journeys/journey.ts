import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../support/browser';
import { serveOnFreePort } from '../../support/serve';
import { useWebHub } from '../../support/web-hub';

export const SHOTS = 'test-results/journeys';

/** A hub served on a loopback port and a Chromium to walk it with; pages collect script errors. */
export function useJourney() {
  const hub = useWebHub({ insights: 80 });
  const state = {} as { browser: Browser; url: string; close(): Promise<void>; errors: string[] };
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const server = await serveOnFreePort(hub.app.fetch);
    state.url = server.url;
    state.close = server.close;
    state.browser = await launchChromium();
    state.errors = [];
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });

  return {
    hub,
    state,
    /** A fresh browser profile (no cookies) at laptop width, or `phone` width. */
    async open(size: 'laptop' | 'phone' = 'laptop'): Promise<{ context: BrowserContext; page: Page }> {
      const context = await state.browser.newContext(
        size === 'phone'
          ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
          : { viewport: { width: 1280, height: 900 } },
      );
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => state.errors.push(error.message));
      return { context, page };
    },
    /** Signs in with the demo organisation's one-click buttons, landing on the feed. */
    async signInAs(page: Page, name: string) {
      await page.goto(`${state.url}/sign-in`);
      await page.getByRole('button', { name: `Sign in as ${name}` }).click();
      await page.getByRole('heading', { name: 'What customers are telling us' }).waitFor();
    },
    /** Full-page shots start from the top, so the sticky header sits where a reader sees it. */
    async shoot(page: Page, name: string) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    },
    /** Nothing wider than the screen: no sideways scrolling on a phone. */
    async expectNoSidewaysScroll(page: Page) {
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    },
    expectNoScriptErrors() {
      expect(state.errors).toEqual([]);
    },
  };
}
