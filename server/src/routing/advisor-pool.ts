import { AUDIENCES, type Audience } from '@infocig/shared';
import type { Redis } from 'ioredis';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';

const assignScript = luaScript(import.meta.url, './lua/assign-next.lua', 4);
const availabilityScript = luaScript(import.meta.url, './lua/set-availability.lua', 1);
const takeOfflineScript = luaScript(import.meta.url, './lua/take-offline.lua', 1);
const requeueScript = luaScript(import.meta.url, './lua/requeue-advisor-chats.lua', 3);

/** Weight of the newest interval in the queue's smoothed pace. */
const PACE_SMOOTHING = 0.2;
/** Chats returned by an absent advisor go ahead of every normal chat. */
export const RETURNED_PRIORITY = 1;

export type Availability = 'available' | 'paused' | 'offline';

export interface Assignment {
  conversationId: string;
  advisorId: string;
  visitorKey: string;
}

export interface Requeued {
  conversationId: string;
  queue: Audience;
  visitorKey: string;
}

export interface AdvisorProfile {
  advisorId: string;
  name: string;
  capacity: number;
  /** Every queue for now; skills narrow this later. */
  queues?: readonly Audience[];
}

export const advisorMember = (advisorId: string) => `a:${advisorId}`;

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

    /** Out of every pool; returns how many chats they still hold. */
    async takeOffline(advisorId: string): Promise<number> {
      return Number(await runScript(redis, takeOfflineScript, [keys.advisor(advisorId)], [keys.prefix]));
    },

    /** Returns an absent advisor's chats to the head of their queues, unless they are back. */
    async requeueAll(advisorId: string): Promise<Requeued[]> {
      const flat = (await runScript(
        redis,
        requeueScript,
        [keys.advisor(advisorId), keys.advisorConversations(advisorId), keys.presence()],
        [keys.prefix, advisorMember(advisorId), RETURNED_PRIORITY, Date.now()],
      )) as string[];
      const out: Requeued[] = [];
      for (let i = 0; i < flat.length; i += 3) {
        out.push({ conversationId: flat[i]!, queue: flat[i + 1] as Audience, visitorKey: flat[i + 2]! });
      }
      return out;
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

    /** Hands the head of a queue to the best advisor, or returns null. */
    async assignNext(queue: Audience): Promise<Assignment | null> {
      const result = (await runScript(
        redis,
        assignScript,
        [
          keys.queueWaiting(queue),
          keys.queueAdvisors(queue),
          keys.queueVisitors(queue),
          keys.queuePace(queue),
        ],
        [keys.prefix, Date.now(), PACE_SMOOTHING],
      )) as string[];
      if (result.length === 0) return null;
      return { conversationId: result[0]!, advisorId: result[1]!, visitorKey: result[2]! };
    },
  };
}

export type AdvisorPool = ReturnType<typeof createAdvisorPool>;
