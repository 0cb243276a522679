import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (never `playwright install`), headless, with a profile of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /**
   * A new tab; its uncaught errors, console errors and warnings (React's key and prop warnings
   * among them) and failed responses are collected in `errors`.
   */
  page(): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

/** React reports duplicate or missing keys and bad props with console.error or console.warn. */
const REPORTED_CONSOLE_TYPES: readonly string[] = ['error', 'warning'];

export async function launchBrowser(): Promise<TestBrowser> {
  // A persistent context is how Playwright takes a fresh `--user-data-dir`.
  const profile = await mkdtemp(path.join(tmpdir(), 'infocig-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
  });
  const errors: string[] = [];
  return {
    context,
    errors,
    async page() {
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
      page.on('console', (msg) => {
        if (REPORTED_CONSOLE_TYPES.includes(msg.type())) {
          errors.push(`${page.url()}: console.${msg.type()}: ${msg.text()}`);
        }
      });
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
