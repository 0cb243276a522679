import { startRestartableRedis } from '@infocig/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let redis: Awaited<ReturnType<typeof startRestartableRedis>>;
let e2e: E2E;

beforeAll(async () => {
  redis = await startRestartableRedis();
  e2e = await startE2E('unavailable', { REDIS_URL: redis.url });
});

afterAll(async () => {
  await redis?.start().catch(() => undefined);
  await e2e?.close();
  await redis?.stop();
});

const UNAVAILABLE = 'Servizio momentaneamente non disponibile: nuovo tentativo in corso…';

async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('while a part of the service is down', () => {
  it('the widget and the console say so calmly, and connect by themselves once it is back', async () => {
    await redis.kill();
    await until(() => e2e.server.app.redis.status !== 'ready', 'the server notices Redis has gone');

    const pages: [Page, string][] = [];
    for (const [address, name] of [
      ['/?persona=worker-rm', 'widget'],
      ['/console/?persona=advisor', 'console'],
    ] as const) {
      const page = await e2e.page();
      await page.goto(`${e2e.server.url}${address}`);
      await page.getByText(UNAVAILABLE, { exact: true }).waitFor({ timeout: 20_000 });
      await e2e.shot(page, `${name}-unavailable`);
      pages.push([page, name]);
    }

    await redis.start();
    for (const [page, name] of pages) {
      await page.getByText('Connesso', { exact: true }).waitFor({ timeout: 60_000 });
      await e2e.shot(page, `${name}-back`);
    }
  });
});
