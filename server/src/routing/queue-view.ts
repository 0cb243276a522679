import type { Audience } from '@infocig/shared';
import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';

export interface QueuePlace {
  position: number;
  /** From the queue's smoothed pace; null until there is a pace to go on. */
  estimatedWaitSeconds: number | null;
}

export interface WaitingEntry extends QueuePlace {
  conversationId: string;
  visitorKey: string;
}

/** Reads of a queue's order and pace, for positions and wait estimates. */
export function createQueueView(redis: RedisClient, keys: Keys) {
  async function paceMs(queue: Audience): Promise<number | null> {
    const interval = await redis.hget(keys.queuePace(queue), 'intervalMs');
    return interval === null ? null : Number(interval);
  }

  const estimate = (position: number, pace: number | null) =>
    pace === null ? null : Math.ceil((position * pace) / 1000);

  return {
    async place(queue: Audience, conversationId: string): Promise<QueuePlace | null> {
      const [rank, pace] = await Promise.all([
        redis.zrank(keys.queueWaiting(queue), conversationId),
        paceMs(queue),
      ]);
      if (rank === null) return null;
      return { position: rank + 1, estimatedWaitSeconds: estimate(rank + 1, pace) };
    },

    /** The first `limit` waiting chats with their visitors, in serving order. */
    async head(queue: Audience, limit: number): Promise<WaitingEntry[]> {
      const ids = await redis.zrange(keys.queueWaiting(queue), '0', String(limit - 1));
      if (ids.length === 0) return [];
      const [visitorKeys, pace] = await Promise.all([
        redis.hmget(keys.queueVisitors(queue), ...ids),
        paceMs(queue),
      ]);
      return ids.map((conversationId, index) => ({
        conversationId,
        visitorKey: visitorKeys[index] ?? '',
        position: index + 1,
        estimatedWaitSeconds: estimate(index + 1, pace),
      }));
    },

    async waitingCount(queue: Audience): Promise<number> {
      return redis.zcard(keys.queueWaiting(queue));
    },
  };
}

export type QueueView = ReturnType<typeof createQueueView>;
