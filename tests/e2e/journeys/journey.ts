import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { useBrowserHub } from '../../support/browser-hub';

export const SHOTS = 'test-results/journeys';

/** A hub served on a loopback port and a Chromium to walk it with; pages collect script errors. */
export function useJourney() {
  const web = useBrowserHub({ insights: 80, shots: SHOTS });
  const { hub } = web;
  const state = {
    get url() {
      return web.url();
    },
    errors: [] as string[],
  };

  return {
    hub,
    state,
    /** A fresh browser profile (no cookies) at laptop width, or `phone` width. */
    async open(size: 'laptop' | 'phone' = 'laptop'): Promise<{ context: BrowserContext; page: Page }> {
      const context = await web.browser.newContext(
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
    signInAs: web.signInAs,
    /** Full-page shots start from the top, so the sticky header sits where a reader sees it. */
    shoot: web.shoot,
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
