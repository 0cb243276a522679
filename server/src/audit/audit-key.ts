import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditKey } from './audit-chain.ts';

/** The audit key from configuration (`AUDIT_HMAC_KEY`): its UTF-8 bytes. */
export function auditKeyFrom(secret: string): AuditKey {
  return Buffer.from(secret, 'utf8');
}

/**
 * The development stand-in for `AUDIT_HMAC_KEY`: made on first start and kept in the data
 * directory beside the dev portal keys, so the audit written yesterday still verifies today.
 * Production must set the key itself, away from the database.
 */
export async function loadOrCreateDevAuditKey(dataDir: string): Promise<AuditKey> {
  const dir = path.join(dataDir, 'dev-keys');
  const file = path.join(dir, 'audit-hmac.key');
  try {
    return auditKeyFrom((await readFile(file, 'utf8')).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // 'wx': two processes starting together on one data dir keep the first key written.
  await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return auditKeyFrom((await readFile(file, 'utf8')).trim());
}
