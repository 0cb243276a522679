import { AUDIENCES, type Audience } from '@infocig/shared';
import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';

const assignScript = luaScript(import.meta.url, './lua/assign-next.lua', 2);
const availabilityScript = luaScript(import.meta.url, './lua/set-availability.lua', 1);

export type Availability = 'available' | 'paused' | 'offline';

export interface Assignment {
  conversationId: string;
  advisorId: string;
}

export interface AdvisorProfile {
  advisorId: string;
  name: string;
  capacity: number;
  /** Every queue for now; skills narrow this later. */
  queues?: readonly Audience[];
}

/** Advisors' availability and load, and the atomic hand-out of waiting chats. */
export function createAdvisorPool(redis: Redis, keys: Keys) {
  return {
    async setAvailability(profile: AdvisorProfile, availability: Availability): Promise<number> {
      const queues = (profile.queues ?? AUDIENCES).join(',');
      const load = await runScript(
        redis,
        availabilityScript,
        [keys.advisor(profile.advisorId)],
        [keys.prefix, availability, Date.now(), queues, profile.capacity, profile.name],
      );
      return Number(load);
    },

    /** What the advisor last chose in the console, restored when they reconnect. */
    async rememberPreference(advisorId: string, availability: 'available' | 'paused'): Promise<void> {
      await redis.hset(keys.advisor(advisorId), 'preference', availability);
    },

    async preferenceOf(advisorId: string): Promise<'available' | 'paused' | null> {
      return (await redis.hget(keys.advisor(advisorId), 'preference')) as 'available' | 'paused' | null;
    },

    async nameOf(advisorId: string): Promise<string> {
      return (await redis.hget(keys.advisor(advisorId), 'name')) ?? '';
    },

    async conversationsOf(advisorId: string): Promise<string[]> {
      return redis.smembers(keys.advisorConversations(advisorId));
    },

    /** Hands the oldest waiting chat of a queue to the best advisor, or returns null. */
    async assignNext(queue: Audience): Promise<Assignment | null> {
      const result = (await runScript(
        redis,
        assignScript,
        [keys.queueWaiting(queue), keys.queueAdvisors(queue)],
        [keys.prefix, Date.now()],
      )) as string[];
      if (result.length === 0) return null;
      return { conversationId: result[0] as string, advisorId: result[1] as string };
    },

    async waiting(queue: Audience, limit: number): Promise<string[]> {
      return redis.zrange(keys.queueWaiting(queue), '0', String(limit - 1));
    },

    async waitingCount(queue: Audience): Promise<number> {
      return redis.zcard(keys.queueWaiting(queue));
    },
  };
}

export type AdvisorPool = ReturnType<typeof createAdvisorPool>;
