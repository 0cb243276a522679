import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig, loadOrCreateDevKeys } from '@infocig/server';
import { importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../lib/repo.ts';

const run = promisify(execFile);
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'infocig-token-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function token(...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', fromRoot('scripts', 'token.ts'), ...args],
    {
      env: { ...process.env, INFOCIG_DATA_DIR: dataDir },
    },
  );
  return stdout.trim();
}

describe('pnpm token', () => {
  it('mints a token for a demo persona that the server key verifies', async () => {
    const jwt = await token('worker-rm');
    const { publicKeyPem } = await loadOrCreateDevKeys(dataDir);
    const { auth } = loadConfig({});
    const { payload, protectedHeader } = await jwtVerify(jwt, await importSPKI(publicKeyPem, 'ES256'), {
      issuer: auth.issuer,
      audience: auth.audience,
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ sub: 'RSSMRA80D12H501G', role: 'lavoratore', province: 'RM' });
  });

  it('mints a token for any identity given on the command line', async () => {
    const jwt = await token('--role', 'consulente', '--sub', 'FRRLCU72L08L219Y', '--name', 'Luca Ferrari');
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({ sub: 'FRRLCU72L08L219Y', role: 'consulente', name: 'Luca Ferrari' });
  });

  it('refuses an unknown persona', async () => {
    await expect(token('nobody')).rejects.toThrow(/Unknown persona/);
  });
});
