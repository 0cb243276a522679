import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startPrivateRedis } from '../lib/private-redis.ts';

export interface BenchRedis {
  url: string;
  description: string;
  /** The redis-server process, when it runs on this machine and says its pid. */
  pid: number | null;
  stop(): void;
}

async function answers(url: string): Promise<Redis | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}

async function pidOf(redis: Redis, url: string): Promise<number | null> {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) return null;
  const info = await redis.info('server');
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** REDIS_URL if set; else the machine's Redis on 6379 if it answers; else a private redis-server. */
export async function chooseRedis(): Promise<BenchRedis> {
  const candidates = process.env.REDIS_URL ? [process.env.REDIS_URL] : ['redis://127.0.0.1:6379'];
  for (const url of candidates) {
    const redis = await answers(url);
    if (redis) {
      const pid = await pidOf(redis, url);
      redis.disconnect();
      return { url, description: `${url} (already running)`, pid, stop: () => {} };
    }
  }
  if (process.env.REDIS_URL) throw new Error(`REDIS_URL ${process.env.REDIS_URL} does not answer`);
  const dir = mkdtempSync(path.join(tmpdir(), 'infocig-bench-redis-'));
  const priv = await startPrivateRedis(dir);
  const redis = await answers(priv.url);
  const pid = redis ? await pidOf(redis, priv.url) : null;
  redis?.disconnect();
  return {
    url: priv.url,
    description: `${priv.url} (private redis-server started by the bench)`,
    pid,
    stop: priv.stop,
  };
}

/** Deletes this run's keys only: everything under its prefix. */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (found.length > 0) deleted += await redis.unlink(...found);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/**
 * Commands Redis has processed since it started (`INFO stats`), every client's: the bench's phases
 * take the difference, so the Redis work per message can be set beside the server's CPU.
 */
export async function commandsProcessed(url: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('stats');
    return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? Number.NaN);
  } finally {
    redis.disconnect();
  }
}
