import type { Audience, WaitEstimate } from '@infocig/shared';
import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { advisorMember } from './advisor-pool.ts';

export interface QueuePlace {
  position: number;
  /** A range from the measured service rate and the advisors available now, or why there is none. */
  estimate: WaitEstimate;
  /** Deprecated, for clients before `estimate`: its high end when it is a range, else null. */
  estimatedWaitSeconds: number | null;
}

export interface WaitingEntry extends QueuePlace {
  conversationId: string;
  visitorKey: string;
}

/** Fewer measured intervals than this say too little about the queue's pace to estimate from. */
export const MIN_PACE_SAMPLES = 3;
/**
 * The band is never narrower than ±30%: the pace is a smoothed average of a few recent intervals,
 * and advisors may come, go or finish chats early at any moment.
 */
export const MIN_RELATIVE_SPREAD = 0.3;

/** What the queue's pace and staffing say about the wait at a place (`routing/lua/assign-next.lua`). */
export interface Staffing {
  /** Advisors serving the queue and available now (with a slot free or not). */
  advisors: number;
  /** Smoothed time one advisor takes to free a slot (ms); null before any measure. */
  perAdvisorMs: number | null;
  /** Smoothed mean absolute deviation of that time (ms). */
  deviationMs: number;
  /** How many intervals the pace rests on. */
  samples: number;
}

/**
 * Position × per-advisor interval ÷ advisors available, widened by the interval's measured
 * variability (at least ±30%): a range, never a point, and none without advisors or a pace.
 */
export function estimateWait(position: number, s: Staffing): WaitEstimate {
  if (s.advisors <= 0) return { kind: 'none', reason: 'no_advisor_online' };
  if (s.perAdvisorMs === null || s.samples < MIN_PACE_SAMPLES)
    return { kind: 'none', reason: 'no_service_rate' };
  const centre = (position * s.perAdvisorMs) / s.advisors / 1000;
  const spread = Math.max(MIN_RELATIVE_SPREAD, s.perAdvisorMs > 0 ? s.deviationMs / s.perAdvisorMs : 0);
  return {
    kind: 'range',
    lowSeconds: Math.max(0, Math.floor(centre * (1 - spread))),
    highSeconds: Math.ceil(centre * (1 + spread)),
    advisors: s.advisors,
  };
}

const placeAt = (position: number, staffing: Staffing): QueuePlace => {
  const estimate = estimateWait(position, staffing);
  return {
    position,
    estimate,
    estimatedWaitSeconds: estimate.kind === 'range' ? estimate.highSeconds : null,
  };
};

/** Reads of a queue's order, pace and staffing, for positions and wait estimates. */
export function createQueueView(redis: RedisClient, keys: Keys) {
  /** The pace, and how many advisors serving the queue are available now (present and not paused). */
  async function staffing(queue: Audience): Promise<Staffing> {
    const [pace, pool] = await Promise.all([
      redis.hmget(keys.queuePace(queue), 'perAdvisorMs', 'deviationMs', 'samples'),
      redis.zrange(keys.queueAdvisors(queue), '0', '-1'),
    ]);
    let advisors = 0;
    if (pool.length > 0) {
      const batch = redis.pipeline();
      for (const id of pool) {
        batch.hget(keys.advisor(id), 'availability');
        batch.hget(keys.presence(), advisorMember(id));
      }
      const replies = ((await batch.exec()) ?? []).map(([, value]) => value as string | null);
      for (let i = 0; i < pool.length; i++) {
        if (replies[2 * i] === 'available' && Number(replies[2 * i + 1] ?? 0) > 0) advisors++;
      }
    }
    const [perAdvisor, deviation, samples] = pace;
    return {
      advisors,
      perAdvisorMs: perAdvisor === null || perAdvisor === undefined ? null : Number(perAdvisor),
      deviationMs: Number(deviation ?? 0),
      samples: Number(samples ?? 0),
    };
  }

  return {
    staffing,

    async place(queue: Audience, conversationId: string): Promise<QueuePlace | null> {
      const [rank, staffed] = await Promise.all([
        redis.zrank(keys.queueWaiting(queue), conversationId),
        staffing(queue),
      ]);
      if (rank === null) return null;
      return placeAt(rank + 1, staffed);
    },

    /** The first `limit` waiting chats with their visitors, in serving order. */
    async head(queue: Audience, limit: number): Promise<WaitingEntry[]> {
      const ids = await redis.zrange(keys.queueWaiting(queue), '0', String(limit - 1));
      if (ids.length === 0) return [];
      const [visitorKeys, staffed] = await Promise.all([
        redis.hmget(keys.queueVisitors(queue), ...ids),
        staffing(queue),
      ]);
      return ids.map((conversationId, index) => ({
        conversationId,
        visitorKey: visitorKeys[index] ?? '',
        ...placeAt(index + 1, staffed),
      }));
    },

    async waitingCount(queue: Audience): Promise<number> {
      return redis.zcard(keys.queueWaiting(queue));
    },
  };
}

export type QueueView = ReturnType<typeof createQueueView>;
