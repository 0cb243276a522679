import { Redis } from 'ioredis';
import { defineScripts } from './scripts.ts';

/**
 * A connection for request paths: commands fail fast while Redis is unreachable instead of
 * queueing (no offline queue; one retry for commands in flight when it drops), so a visitor gets
 * SERVICE_UNAVAILABLE at once rather than a hung ack and a command run seconds later, after its
 * sender was told it failed. Timers (BullMQ) keep connections of their own that wait and retry.
 * Commands issued in the same tick by many sockets go out in one write (auto-pipelining).
 */
export function connectRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
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
