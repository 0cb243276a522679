/**
 * `pnpm bench:widget`: what the embedded widget weighs, and how long a worker on a slow mobile
 * connection (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip) waits from opening the portal
 * page to seeing their claims, measured in Chromium with the browser's cache off.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { openMigratedStore, seedIfEmpty } from '@infocig/server/store';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { fromRoot } from '../lib/repo.ts';
import { chooseRedis, deleteKeys } from './environment.ts';
import { startInfocig } from './processes.ts';

const RUNS = Number(process.argv.includes('--quick') ? 1 : 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SLOW_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = (code: Buffer) =>
  `${kb(code.length)} raw, ${kb(gzipSync(code, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(code).length)} brotli`;

/** The loader's file and the chunks it loads when the panel opens (its import, and theirs). */
async function widgetCode(dist: string): Promise<{ loader: Buffer; widget: Buffer }> {
  const loader = await readFile(path.join(dist, 'widget.js'));
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(path.join(dist, file));
    parts.push(code);
    const from = path.dirname(file);
    for (const m of code.toString().matchAll(/(?:from\s*|import\s*\(?\s*)["'`](\.\.?\/[^"'`]+\.js)["'`]/g))
      await visit(path.join(from, m[1] ?? ''));
  };
  for (const m of loader.toString().matchAll(/import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g))
    await visit(m[1] ?? '');
  return { loader, widget: Buffer.concat(parts) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-bench-widget-'));
  // A build of its own: other runs may be building the shared dist/ folders meanwhile.
  const widgetDist = path.join(dataDir, 'widget');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fromRoot('web-widget'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: widgetDist },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const { loader, widget } = await widgetCode(widgetDist);
  console.log(`loader (widget.js):          ${sizes(loader)}`);
  console.log(`widget, loaded when opened:  ${sizes(widget)}`);

  const redis = await chooseRedis();
  const prefix = `infocig-bench-widget:${randomBytes(4).toString('hex')}`;
  const { db } = await openMigratedStore({ dataDir: path.join(dataDir, 'pglite') });
  await seedIfEmpty(db, { workers: 200, seed: 1 });
  await db.close();
  const server = await startInfocig(0, {
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    INFOCIG_DATA_DIR: dataDir,
    WIDGET_DIST: widgetDist,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const launcher: number[] = [];
    const claims: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      const started = performance.now();
      await page.goto(`${server.url}/?persona=worker-rm`);
      await page.locator('[data-infocig]').waitFor({ state: 'attached', timeout: 60_000 });
      launcher.push(performance.now() - started);
      await page.locator('.icw-claim').first().waitFor({ timeout: 60_000 });
      claims.push(performance.now() - started);
      await context.close();
    }
    console.log(`slow connection (1.6 Mbit/s, 150 ms RTT), ${RUNS} run(s), median:`);
    console.log(`  widget tag mounted after   ${Math.round(median(launcher))} ms`);
    console.log(`  first claims shown after   ${Math.round(median(claims))} ms`);
  } finally {
    await browser.close();
    await server.stop();
    await deleteKeys(redis.url, prefix);
    redis.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
