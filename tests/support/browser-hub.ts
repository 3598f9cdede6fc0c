import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { hasChromium, launchChromium } from './browser';
import { serveOnFreePort } from './serve';
import { type TestHub, useWebHub } from './web-hub';

export interface BrowserHub {
  hub: TestHub;
  /** The hub's address on its loopback port, e.g. http://127.0.0.1:40123. */
  url(): string;
  readonly browser: Browser;
  /** A new laptop-sized page signed in as `name` with the demo one-click button; a script error on it fails the test. */
  signIn(name: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Signs `page` in as `name` with the demo one-click button and waits for the feed. */
  signInAs(page: Page, name: string): Promise<void>;
  /** A full-page shot into the `shots` folder, from the top so the sticky header sits where a reader sees it. */
  shoot(page: Page, name: string): Promise<void>;
}

/**
 * A web hub (see `useWebHub`) served on a loopback port, with a Chromium to walk it and a folder for
 * screenshots. Without Chromium nothing is launched: the file's `describe.skipIf(!hasChromium)` skips.
 */
export function useBrowserHub(options: Parameters<typeof useWebHub>[0] & { shots: string }): BrowserHub {
  const { shots, ...hubOptions } = options;
  const hub = useWebHub(hubOptions);
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    await mkdir(shots, { recursive: true });
    server = await serveOnFreePort(hub.app.fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const url = () => server!.url;
  const signInAs = async (page: Page, name: string) => {
    await page.goto(`${url()}/sign-in`);
    await page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await page.getByRole('heading', { name: 'What customers are telling us' }).waitFor();
  };
  return {
    hub,
    url,
    get browser() {
      return browser!;
    },
    async signIn(name, viewport = { width: 1200, height: 900 }) {
      const page = await browser!.newPage({ viewport });
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(`${url()}/sign-in`);
      await page.getByRole('button', { name: `Sign in as ${name}` }).click();
      await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'));
      return page;
    },
    signInAs,
    async shoot(page, name) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    },
  };
}
