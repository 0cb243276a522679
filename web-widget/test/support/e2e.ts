import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '@infocig/server/testing';
import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.ts';
// Its declaration of what the global set-up provides (`e2eDist`).
import type {} from './build-apps.ts';

export interface E2E {
  server: TestServer;
  browser: TestBrowser;
  /** A new tab, kept for a last screenshot at the end. */
  page(): Promise<Page>;
  /**
   * A full-page screenshot in this suite's folder (`INFOCIG_SCREENSHOTS` or a temporary one), and
   * one of `part` alone (`name-part.png`) when given: the widget's chat sits below a long page.
   */
  shot(page: Page, name: string, part?: Locator): Promise<void>;
  /**
   * Closes everything, then fails if any page reported an error or a warning (a React key
   * warning included) at any time: every suite's `afterAll` asserts a clean console this way.
   */
  close(): Promise<void>;
}

/** Both apps built, a real server serving them (with `env` overrides), and Debian's Chromium. */
export async function startE2E(suite: string, env: Record<string, string> = {}): Promise<E2E> {
  // Built once for the whole run by the browser tests' global set-up (build-apps.ts).
  const dist = inject('e2eDist');
  const staticDirs = { widget: path.join(dist, 'widget'), console: path.join(dist, 'console') };
  const server = await startTestServer({ staticDirs, env });
  const browser = await launchBrowser();
  const base = process.env.INFOCIG_SCREENSHOTS ?? (await mkdtemp(path.join(tmpdir(), 'infocig-shots-')));
  const shots = path.join(base, suite);
  await mkdir(shots, { recursive: true });
  const pages: Page[] = [];
  const shot = async (page: Page, name: string, part?: Locator) => {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    if (part) await part.screenshot({ path: path.join(shots, `${name}-part.png`) });
  };

  return {
    server,
    browser,
    async page() {
      const page = await browser.page();
      pages.push(page);
      return page;
    },
    shot,
    async close() {
      // Whatever happened, leave a picture of each page to look at.
      await Promise.all(pages.map((p, i) => shot(p, `final-${i}`).catch(() => undefined)));
      console.info(`screenshots in ${shots}`);
      await browser.close();
      await server.close();
      if (browser.errors.length > 0) {
        throw new Error(`the browser reported errors or warnings:\n${browser.errors.join('\n')}`);
      }
    },
  };
}
