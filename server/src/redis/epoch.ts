import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisClient } from './connection.ts';

/** How often the epoch is read besides each reconnection: a FLUSHALL keeps connections up. */
const CHECK_MS = 5_000;

/**
 * Notices that Redis lost its data (restarted without persistence, replaced, flushed): an epoch
 * value is set once per data set, and a process that finds it gone or changed calls `onLost`.
 * Every process notices; the first sets the new epoch and the others adopt it.
 */
export async function watchEpoch(
  redis: RedisClient,
  key: string,
  onLost: () => Promise<void>,
  log: FastifyBaseLogger,
) {
  const adopt = async (): Promise<string | null> => {
    await redis.set(key, randomUUID(), 'NX');
    return redis.get(key);
  };
  let known = await adopt();
  let checking = false;

  async function check(): Promise<void> {
    if (checking) return;
    checking = true;
    try {
      const current = await redis.get(key);
      if (current !== null && current === known) return;
      known = await adopt();
      log.warn('Redis lost its data: sessions, queues and timers are being set up again');
      await onLost();
    } finally {
      checking = false;
    }
  }
  const run = () => check().catch((err: unknown) => log.warn({ err }, 'Redis epoch check failed'));
  redis.on('ready', run);
  const timer = setInterval(run, CHECK_MS);
  return {
    check,
    stop(): void {
      clearInterval(timer);
      redis.off('ready', run);
    },
  };
}
