import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;

beforeAll(async () => {
  // Tokens of 6 s: the widget renews them every few seconds through the demo page's callback.
  e2e = await startE2E('session-renewal', { DEV_TOKEN_TTL_SECONDS: '6' });
});

afterAll(async () => {
  // The refused token requests (a response `503 …/dev/token`, and the console's line about each,
  // which names no address) are this test's own doing; nothing else may fail.
  const ours = (e: string) => e.includes('/dev/token') || e.endsWith('status of 503 (Service Unavailable)');
  const errors = e2e?.browser.errors ?? [];
  errors.splice(0, errors.length, ...errors.filter((e) => !ours(e)));
  expect(errors).toEqual([]);
  await e2e?.close();
});

describe('the widget in a browser renews its session before the token expires', () => {
  it('keeps going on fresh tokens, then warns and explains the end once the portal gives none', async () => {
    const page = await e2e.page();
    let tokens = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/dev/token')) tokens++;
    });
    await page.goto(`${e2e.server.url}/?persona=worker-na`);
    const status = page.locator('.icw-connection');
    await status.getByText('Connesso', { exact: true }).waitFor();

    // Two tokens' lifetimes later, still connected, on tokens renewed along the way.
    await page.waitForTimeout(12_000);
    expect(tokens).toBeGreaterThanOrEqual(3);
    await status.getByText('Connesso', { exact: true }).waitFor({ timeout: 1_000 });
    expect(await status.getByRole('status').count()).toBe(0);

    // The portal stops handing out tokens: a calm warning first, then why the session ended.
    await page.route('**/dev/token', (route) => route.fulfill({ status: 503, body: '{}' }));
    await status.getByText('Non siamo riusciti a rinnovare il tuo accesso', { exact: false }).waitFor();
    await status.getByText('La sessione è scaduta', { exact: false }).waitFor({ timeout: 15_000 });
    await e2e.shot(page, 'session-ended', status);
  });
});
