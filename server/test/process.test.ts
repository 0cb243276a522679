import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { loadOrCreateDevKeys } from '../src/dev/dev-keys.ts';
import { DEMO_PERSONAS } from '../src/dev/personas.ts';
import { createTokenMinter } from '../src/dev/token-minter.ts';
import { connectVisitor, deleteKeys, TEST_REDIS_ENV } from './support/index.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dataDir: string;
let child: ChildProcess;
let url: string;
const prefix = `infocig-test:${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-proc-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    // Only what this test sets, never the runner's environment (its NODE_ENV, REDIS_URL, …).
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...TEST_REDIS_ENV,
      REDIS_PREFIX: prefix,
      INFOCIG_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}, 60_000);

afterAll(async () => {
  child.kill('SIGKILL');
  await deleteKeys(prefix);
  await rm(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('drains its sockets and exits cleanly on SIGTERM', async () => {
    const keys = await loadOrCreateDevKeys(dataDir);
    const mint = await createTokenMinter(keys.privateKeyPem, loadConfig({}).auth);
    const visitor = await connectVisitor(url, await mint(DEMO_PERSONAS['worker-rm']));
    await visitor.next('session:ready');
    const disconnected = new Promise<string>((resolve) => visitor.socket.once('disconnect', resolve));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    child.kill('SIGTERM');
    expect(await disconnected).toBeTruthy();
    expect(await exited).toBe(0);
  }, 30_000);
});
