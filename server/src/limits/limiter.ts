import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Rate } from '../config/limits-config.ts';
import type { RedisClient } from '../redis/connection.ts';

/** What a limiter says about one more call: go ahead, or wait this long. */
export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface Limiter {
  /** Counts one call for `key`. Never rejects: a store failure falls back to a per-process count. */
  take(key: string): Promise<Verdict>;
}

type Consumer = { consume(key: string): Promise<RateLimiterRes> };

function limiterOf(consumer: Consumer): Limiter {
  return {
    async take(key) {
      try {
        await consumer.consume(key);
        return { allowed: true };
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes)
          return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(refusal.msBeforeNext)) };
        // Unreachable with an insurance limiter; a limiter fault must not refuse honest people.
        return { allowed: true };
      }
    },
  };
}

const memory = (name: string, rate: Rate) =>
  new RateLimiterMemory({ keyPrefix: name, points: rate.points, duration: rate.seconds });

/**
 * A count kept in Redis under `<prefix>:limit:<name>:<key>`, shared by every server process. A key
 * that has used its points is refused from this process's memory until its window ends, so a
 * flood costs Redis one call per window, not one per packet; while Redis is unreachable the
 * count is kept in memory instead.
 */
function shared(redis: RedisClient, prefix: string, name: string, rate: Rate) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:limit:${name}`,
    points: rate.points,
    duration: rate.seconds,
    inMemoryBlockOnConsumed: rate.points,
    insuranceLimiter: memory(`${name}:insurance`, rate),
  });
}

/** Limits kept by this process only: right for a socket, which lives in one process. */
export function localLimiter(name: string, rate: Rate, burst?: Rate): Limiter {
  return limiterOf(
    burst ? new BurstyRateLimiter(memory(name, rate), memory(`${name}:burst`, burst)) : memory(name, rate),
  );
}

/**
 * Limits shared across processes through Redis: a sustained rate and, if given, a burst allowance
 * used only once the sustained one is spent (one Redis call per allowed call in the common case).
 */
export function sharedLimiter(
  redis: RedisClient,
  prefix: string,
  name: string,
  rate: Rate,
  burst?: Rate,
): Limiter {
  const main = shared(redis, prefix, name, rate);
  return limiterOf(burst ? new BurstyRateLimiter(main, shared(redis, prefix, `${name}:burst`, burst)) : main);
}

/** Takes from each limiter in turn (cheapest first) and stops at the first refusal. */
export async function takeAll(limiters: readonly [Limiter, string][]): Promise<Verdict> {
  for (const [limiter, key] of limiters) {
    const verdict = await limiter.take(key);
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}
