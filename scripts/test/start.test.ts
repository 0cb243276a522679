import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../lib/repo.ts';

let dataDir: string;
let child: ChildProcess;
let output = '';

/** `pnpm start` as a newcomer runs it: no REDIS_URL, no DATABASE_URL, an empty data folder. */
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-start-'));
  const { REDIS_URL: _r, DATABASE_URL: _d, ...env } = process.env;
  child = spawn(process.execPath, ['--import', 'tsx', fromRoot('scripts', 'start.ts')], {
    env: { ...env, PORT: '0', INFOCIG_DATA_DIR: dataDir, DEMO_WORKERS: '100', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('infocig is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`pnpm start exited (${code}):\n${output}`));
    });
  });
}, 180_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function eventuallyRefused(port: string, attempts = 30): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const address = (label: string) => new RegExp(`${label}:\\s+(http://\\S+)`).exec(output)?.[1] ?? '';

describe('pnpm start', () => {
  it('prints the addresses and the demo identities', () => {
    expect(address('Worker widget \\(demo portal page\\)')).toMatch(/\?persona=worker-rm$/);
    expect(address('Advisor console')).toMatch(/\/console\/\?persona=advisor$/);
    for (const id of ['worker-rm', 'employer-mi', 'advisor']) expect(output).toContain(id);
  });

  it('serves the widget page, the console and a ready server', async () => {
    const widget = new URL(address('Worker widget \\(demo portal page\\)'));
    const origin = widget.origin;
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id=');
    const console = await fetch(`${origin}/console/`);
    expect(console.status).toBe(200);
  });

  it('stops cleanly, taking its private Redis with it', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const redisUrl = /private Redis at (redis:\/\/\S+)/.exec(output)?.[1];
    expect(redisUrl).toBeTruthy();
    expect(await eventuallyRefused(new URL(redisUrl ?? '').port)).toBe(true);
  });
});
