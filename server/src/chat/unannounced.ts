import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';

/** How many overdue announcements one sweep takes on; the rest wait for the next run. */
const SWEEP_BATCH = 200;

/**
 * Chats handed out whose announcement is not finished. The assignment script adds each one in
 * the same step as the hand-out, so nothing handed out can be forgotten.
 */
export function createUnannounced(redis: RedisClient, keys: Keys) {
  return {
    async done(conversationId: string): Promise<void> {
      await redis.zrem(keys.unannounced(), conversationId);
    },
    /** Those handed out before `ms`, oldest first. */
    before(ms: number): Promise<string[]> {
      return redis.zrangebyscore(keys.unannounced(), '-inf', ms, 'LIMIT', 0, SWEEP_BATCH);
    },
  };
}

export type Unannounced = ReturnType<typeof createUnannounced>;
