import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

export interface DevKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The development stand-in for the portal's signing key: made on first start and kept in the
 * data directory, so tokens minted by `pnpm token` keep working across restarts.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeyPair> {
  const dir = path.join(dataDir, 'dev-keys');
  const privatePath = path.join(dir, 'portal-private.pem');
  const publicPath = path.join(dir, 'portal-public.pem');
  try {
    const [privateKeyPem, publicKeyPem] = await Promise.all([
      readFile(privatePath, 'utf8'),
      readFile(publicPath, 'utf8'),
    ]);
    return { privateKeyPem, publicKeyPem };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = await generateDevKeys();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(privatePath, keys.privateKeyPem, { mode: 0o600 });
  await writeFile(publicPath, keys.publicKeyPem, { mode: 0o644 });
  return keys;
}

export async function generateDevKeys(): Promise<DevKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}
