import { Redis } from 'ioredis';
import { defineScripts } from './scripts.ts';

/**
 * A connection for request paths: commands fail fast while Redis is unreachable instead of
 * queueing, so a visitor gets SERVICE_UNAVAILABLE rather than a hung ack. Commands issued in the
 * same tick by many sockets go out in one write (auto-pipelining): one syscall, not one each.
 */
export function connectRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    lazyConnect: false,
    enableAutoPipelining: true,
  });
  defineScripts(redis);
  return redis;
}

export async function waitForRedis(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
