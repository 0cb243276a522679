import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  environmentOf,
  eventuallyRefused,
  isAlive,
  leftInGroup,
  newcomerEnv,
  printedAddress,
  privateRedisPort,
  runStart,
  type StartRun,
} from './support/start-process.ts';

const RUNNING = 'infocig is running';
let dataDir: string;
let first: StartRun;
const started: StartRun[] = [];

const start = (env: Record<string, string>, args: string[] = []) => {
  const run = runStart(newcomerEnv({ DEMO_WORKERS: '100', LOG_LEVEL: 'warn', ...env }), args);
  started.push(run);
  return run;
};

/** `pnpm start` as a newcomer runs it: no NODE_ENV, REDIS_URL or DATABASE_URL, an empty data folder. */
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-start-'));
  first = start({ INFOCIG_DATA_DIR: dataDir }, ['--port', '0']);
  await first.printed(RUNNING);
}, 180_000);

afterAll(async () => {
  for (const run of started) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

const origin = (run: StartRun) => new URL(printedAddress(run.stdout(), 'Advisor console')).origin;

/** The first hashed script a page names, e.g. `/console/assets/index-Ce7Ln-m8.js` or `./assets/demo-….js`. */
const hashedScript = (html: string) => /src="(\.?\/(?:console\/)?assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';

describe('pnpm start in a clean environment', () => {
  it('runs without anything the test runner sets', () => {
    const names = environmentOf(first.child.pid ?? 0);
    expect(names).not.toContain('NODE_ENV');
    expect(names.filter((n) => /^(VITEST|TEST_|REDIS_URL|DATABASE_URL)/.test(n))).toEqual([]);
  });

  it('prints the addresses and the demo identities', () => {
    const out = first.stdout();
    expect(printedAddress(out, 'Worker widget \\(demo portal page\\)')).toMatch(/\?persona=worker-rm$/);
    expect(printedAddress(out, 'Advisor console')).toMatch(/\/console\/\?persona=advisor$/);
    for (const id of ['worker-rm', 'employer-mi', 'advisor']) expect(out).toContain(id);
    expect(out).toMatch(/gzip .* brotli/);
  });

  it('serves a ready server, both pages and their hashed assets', async () => {
    const base = origin(first);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    for (const page of ['/', '/console/']) {
      const answer = await fetch(`${base}${page}`);
      expect(answer.status).toBe(200);
      const script = hashedScript(await answer.text());
      expect(script).not.toBe('');
      const asset = await fetch(new URL(script, `${base}${page}`));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('runs a private Redis of its own, keeping its data in an append-only file in the data folder', async () => {
    const port = privateRedisPort(first.stdout());
    expect(port).not.toBe(6379);
    const redis = new Redis(port, '127.0.0.1');
    try {
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await redis.config('GET', 'appendfsync')).toEqual(['appendfsync', 'everysec']);
      expect(await redis.config('GET', 'dir')).toEqual(['dir', path.join(dataDir, 'redis')]);
      await redis.set('start-test:kept', 'across a restart');
    } finally {
      redis.disconnect();
    }
  });

  it('stops on SIGTERM, taking its private Redis with it', async () => {
    const redisPid = Number(await readFile(path.join(dataDir, 'redis', 'redis.pid'), 'utf8'));
    const pgid = first.child.pid ?? 0;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await eventuallyRefused(privateRedisPort(first.stdout()))).toBe(true);
    expect(isAlive(redisPid)).toBe(false);
    expect(await leftInGroup(pgid)).toEqual([]);
  });

  it('starts again on the same data, and stops on Ctrl-C', async () => {
    const again = start({ INFOCIG_DATA_DIR: dataDir }, ['--port', '0']);
    await again.printed(RUNNING);
    expect(again.stdout()).not.toContain('Seeded the claims store');
    const redis = new Redis(privateRedisPort(again.stdout()), '127.0.0.1');
    try {
      expect(await redis.get('start-test:kept')).toBe('across a restart');
    } finally {
      redis.disconnect();
    }
    expect((await fetch(`${origin(again)}/readyz`)).status).toBe(200);
    // Ctrl-C: the terminal signals the whole foreground process group.
    process.kill(-(again.child.pid ?? 0), 'SIGINT');
    expect(await again.exited).toBe(0);
    expect(await eventuallyRefused(privateRedisPort(again.stdout()))).toBe(true);
    expect(await leftInGroup(again.child.pid ?? 0)).toEqual([]);
  }, 180_000);
});

describe('a failed pnpm start', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'infocig-start-fail-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  /** Exits non-zero with one line on stderr, leaving no process in its group. */
  async function failsWithOneLine(run: StartRun): Promise<string> {
    const code = await run.exited;
    expect(code).not.toBe(0);
    const lines = run.stderr().trim().split('\n');
    expect(lines, run.stderr()).toHaveLength(1);
    expect(await leftInGroup(run.child.pid ?? 0)).toEqual([]);
    return lines[0] ?? '';
  }

  it('names a bad variable and starts nothing', async () => {
    const run = start({ INFOCIG_DATA_DIR: path.join(folder, 'bad-var'), PORT: 'eighty' });
    expect(await failsWithOneLine(run)).toMatch(/^Invalid configuration: PORT: .*README, Configuration/);
    expect(run.stdout()).not.toContain('private Redis');
  });

  it('says how to get Redis when redis-server is missing', async () => {
    const run = start({ INFOCIG_DATA_DIR: path.join(folder, 'no-redis'), PATH: folder });
    expect(await failsWithOneLine(run)).toMatch(/redis-server not found: install it .* or set REDIS_URL/);
  });

  it('says the port is taken, and stops the Redis it had started', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = start({ INFOCIG_DATA_DIR: path.join(folder, 'port-taken') }, ['--port', String(port)]);
      expect(await failsWithOneLine(run)).toBe(
        `Port ${port} on 127.0.0.1 is already in use: stop whatever holds it, or choose another port (PORT=3100).`,
      );
      expect(privateRedisPort(run.stdout())).toBeGreaterThan(0);
      expect(await eventuallyRefused(privateRedisPort(run.stdout()))).toBe(true);
    } finally {
      holder.close();
    }
  }, 120_000);
});
