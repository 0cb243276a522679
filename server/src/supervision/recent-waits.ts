import type { Audience } from '@infocig/shared';
import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';

export const RECENT_WAITS_WINDOW_MS = 60 * 60_000;

export interface WaitPercentiles {
  p50: number | null;
  p90: number | null;
  count: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}

/**
 * Each queue's waits from opening to assignment over the last hour, in Redis so that every
 * process's assignments count. One member per assignment: a repeated announcement of the same
 * assignment does not count twice, while a chat assigned again after going back to the queue
 * counts again, with its longer wait.
 */
export function createRecentWaits(redis: RedisClient, keys: Keys) {
  return {
    async record(queue: Audience, conversationId: string, waitSeconds: number, at: number): Promise<void> {
      const key = keys.queueRecentWaits(queue);
      await redis
        .multi()
        .zadd(key, at, `${conversationId}:${Math.max(0, Math.round(waitSeconds))}`)
        .zremrangebyscore(key, '-inf', at - RECENT_WAITS_WINDOW_MS)
        .pexpire(key, RECENT_WAITS_WINDOW_MS * 2)
        .exec();
    },

    async percentiles(queue: Audience, now = Date.now()): Promise<WaitPercentiles> {
      const members = await redis.zrangebyscore(
        keys.queueRecentWaits(queue),
        now - RECENT_WAITS_WINDOW_MS,
        '+inf',
      );
      const waits = members.map((m) => Number(m.slice(m.lastIndexOf(':') + 1))).sort((a, b) => a - b);
      return { p50: percentile(waits, 0.5), p90: percentile(waits, 0.9), count: waits.length };
    },
  };
}

export type RecentWaits = ReturnType<typeof createRecentWaits>;
