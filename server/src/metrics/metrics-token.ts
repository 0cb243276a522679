import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.ts';

export const METRICS_TOKEN_FILE = 'metrics-token';

/**
 * The bearer token /metrics asks for: METRICS_TOKEN; else, outside production, one made on first
 * start and kept (owner-only) in the data directory, so processes sharing it agree and a local
 * Prometheus can read it from the file. Production without METRICS_TOKEN: none, /metrics is off.
 */
export async function resolveMetricsToken(config: Config): Promise<string | undefined> {
  if (config.metricsToken) return config.metricsToken;
  if (config.env === 'production') return undefined;
  const file = path.join(config.dataDir, METRICS_TOKEN_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(24).toString('base64url');
  await mkdir(config.dataDir, { recursive: true });
  // 'wx': if another process made it first, use theirs.
  await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return (await readFile(file, 'utf8')).trim();
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time, so the answer's timing does not reveal the token. */
export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
