import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/index.ts';

let server: TestServer;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  server = await startTestServer({ env: { DOCS_ACCESS: 'supervisor' } });
  profile = await mkdtemp(path.join(tmpdir(), 'infocig-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
  await server.close();
});

describe('the operator pages in a browser', () => {
  it('signs a supervisor in, then shows the job board read-only and the API description', async () => {
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (err) => scriptErrors.push(err.message));

    await page.goto(`${server.url}/ops/jobs/`);
    expect(new URL(page.url()).pathname).toBe('/ops/login');
    await page.getByRole('button', { name: /Elena Marino/ }).click();
    await page.waitForURL(`${server.url}/ops/jobs/`);
    await page.getByText('infocig jobs (read-only)').waitFor();
    await page.getByRole('link', { name: 'timers' }).first().waitFor();
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite])).toEqual(
      expect.arrayContaining([
        ['infocig_ops', '/docs', true, 'Strict'],
        ['infocig_ops', '/ops', true, 'Strict'],
      ]),
    );

    // The same session opens /docs, where Swagger UI lists the routes from the document.
    await page.goto(`${server.url}/docs`);
    await page.getByText('/api/supervisor/advisors/{advisorId}').waitFor();
    await page.getByText('/readyz').first().waitFor();

    // A supervisor without the jobs:manage right does not get the admin board.
    const admin = await page.goto(`${server.url}/ops/jobs-admin/`);
    expect(admin?.status()).toBe(403);
    expect(scriptErrors).toEqual([]);
  });
});
