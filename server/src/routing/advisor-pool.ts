import { randomBytes } from 'node:crypto';
import { AUDIENCES, type Audience } from '@infocig/shared';
import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { createChatSync } from './chat-sync.ts';
import { routingScript, runRoutingScript } from './routing-script.ts';

const assignScript = routingScript(import.meta.url, './lua/assign-next.lua', 2, {
  parse: (reply): Assignment | null => {
    const [conversationId, advisorId, visitorKey] = reply as string[];
    return conversationId && advisorId ? { conversationId, advisorId, visitorKey: visitorKey ?? '' } : null;
  },
});
const updateScript = routingScript(import.meta.url, './lua/update-advisor.lua', 3, {
  parse: (reply) => {
    const [load, capacity, availability, queues] = reply as [number, number, Availability, string];
    return { load, capacity, availability, queues: parseQueues(queues) };
  },
});
const takeOfflineScript = routingScript(import.meta.url, './lua/take-offline.lua', 2, { parse: Number });
const requeueScript = routingScript(import.meta.url, './lua/requeue-advisor-chats.lua', 3, {
  parse: (reply): Requeued[] => {
    const flat = reply as string[];
    const out: Requeued[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      out.push({ conversationId: flat[i]!, queue: flat[i + 1] as Audience, visitorKey: flat[i + 2]! });
    }
    return out;
  },
});
const transferScript = routingScript(import.meta.url, './lua/transfer.lua', 3, {
  parse: (reply) => {
    const [, queue, visitorKey] = reply as [number, Audience, string];
    return { queue, visitorKey };
  },
  errors: { [-1]: 'CONVERSATION_FORBIDDEN', [-2]: 'TRANSFER_TARGET_UNAVAILABLE', [-3]: 'VALIDATION_FAILED' },
});

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

export interface AdvisorChanges {
  availability?: Availability;
  queues?: readonly Audience[];
  capacity?: number;
  name?: string;
}

export interface AdvisorState {
  advisorId: string;
  name: string;
  availability: Availability;
  queues: Audience[];
  capacity: number;
  /** Chats held now. */
  load: number;
  /** When the availability last changed (ms; null before this was recorded). */
  since?: number | null;
  /** The supervisor who paused them, while that pause holds. */
  pausedBy?: string | null;
}

const parseQueues = (value: string) => value.split(',').filter(Boolean) as Audience[];

export type TransferTarget = { queue: Audience } | { advisorId: string };

export const advisorMember = (advisorId: string) => `a:${advisorId}`;

/** Advisors' availability, queues, capacity and load, and the atomic hand-out of waiting chats. */
export function createAdvisorPool(redis: RedisClient, keys: Keys) {
  const { sync } = createChatSync(redis, keys);

  /**
   * Hands the head of a queue to the best advisor, or returns null. The conversation's copy of
   * the assignment is written after (`synced`), so that a hand-out loop can go on to the next
   * chat at once: one round trip per chat instead of four.
   */
  async function handOut(queue: Audience): Promise<{ assignment: Assignment; synced: Promise<void> } | null> {
    const assignment = await runRoutingScript(
      redis,
      keys,
      assignScript,
      [keys.presence(), keys.unannounced()],
      [queue, PACE_SMOOTHING],
    );
    return assignment ? { assignment, synced: sync(assignment.conversationId) } : null;
  }

  async function nameOf(advisorId: string): Promise<string> {
    return (await redis.hget(keys.advisor(advisorId), 'name')) ?? '';
  }

  /** Applies changes atomically and returns the advisor as they now stand. */
  async function update(advisorId: string, changes: AdvisorChanges): Promise<AdvisorState> {
    const { load, capacity, availability, queues } = await runRoutingScript(
      redis,
      keys,
      updateScript,
      [keys.advisor(advisorId), keys.advisors(), keys.presence()],
      [
        advisorId,
        changes.availability ?? '',
        changes.queues?.join(',') ?? '',
        changes.capacity ?? '',
        changes.name ?? '',
      ],
    );
    const name = changes.name ?? (await nameOf(advisorId));
    return { advisorId, name, availability, queues, capacity, load };
  }

  async function state(advisorId: string): Promise<AdvisorState | null> {
    const h = await redis.hgetall(keys.advisor(advisorId));
    if (!h.capacity) return null;
    return {
      advisorId,
      name: h.name ?? '',
      availability: (h.availability ?? 'offline') as Availability,
      queues: parseQueues(h.queues ?? ''),
      capacity: Number(h.capacity),
      load: Number(h.load ?? 0),
      since: h.since ? Number(h.since) : null,
      pausedBy: h.pausedBy || null,
    };
  }

  return {
    update,
    state,
    nameOf,

    /**
     * First connection: every queue and the default capacity, unless already set — by the advisor,
     * a supervisor, or a command that raced ahead of this.
     */
    async register(advisorId: string, name: string, defaultCapacity: number): Promise<void> {
      await redis
        .multi()
        .hsetnx(keys.advisor(advisorId), 'capacity', defaultCapacity)
        .hsetnx(keys.advisor(advisorId), 'queues', AUDIENCES.join(','))
        .exec();
      await update(advisorId, { name });
    },

    async list(): Promise<AdvisorState[]> {
      const ids = (await redis.smembers(keys.advisors())).sort();
      const states = await Promise.all(ids.map(state));
      return states.filter((s): s is AdvisorState => s !== null);
    },

    /** Out of every pool; returns how many chats they still hold. */
    async takeOffline(advisorId: string): Promise<number> {
      return runRoutingScript(
        redis,
        keys,
        takeOfflineScript,
        [keys.advisor(advisorId), keys.advisorConversations(advisorId)],
        [advisorId],
      );
    },

    /** Returns an absent advisor's chats to the head of their queues, unless they are back. */
    async requeueAll(advisorId: string): Promise<Requeued[]> {
      const requeued = await runRoutingScript(
        redis,
        keys,
        requeueScript,
        [keys.advisor(advisorId), keys.advisorConversations(advisorId), keys.presence()],
        [advisorId, RETURNED_PRIORITY],
      );
      await Promise.all(requeued.map((chat) => sync(chat.conversationId)));
      return requeued;
    },

    /**
     * What the advisor last chose in the console, restored when they reconnect. Their own choice
     * is deliberate: it also ends a supervisor's pause.
     */
    async rememberPreference(advisorId: string, availability: 'available' | 'paused'): Promise<void> {
      await redis
        .multi()
        .hset(keys.advisor(advisorId), 'preference', availability)
        .hdel(keys.advisor(advisorId), 'pausedBy')
        .exec();
    },

    /**
     * A supervisor pauses an advisor (kept apart from the advisor's own choice, so that neither a
     * reconnect nor a restart undoes it) or lets them work again.
     */
    async rememberSupervision(
      advisorId: string,
      availability: 'available' | 'paused',
      supervisorId: string,
    ): Promise<void> {
      if (availability === 'paused') await redis.hset(keys.advisor(advisorId), 'pausedBy', supervisorId);
      else await redis.hdel(keys.advisor(advisorId), 'pausedBy');
    },

    /** What the advisor comes back as when they connect: a supervisor's pause wins over their choice. */
    async preferenceOf(advisorId: string): Promise<'available' | 'paused' | null> {
      const [preference, pausedBy] = await redis.hmget(keys.advisor(advisorId), 'preference', 'pausedBy');
      if (pausedBy) return 'paused';
      return preference as 'available' | 'paused' | null;
    },

    /**
     * The opaque id colleagues know an advisor by (their codice fiscale is not theirs to see):
     * made once, kept in Redis, the same in every process.
     */
    async publicIdOf(advisorId: string): Promise<string> {
      await redis.hsetnx(keys.advisor(advisorId), 'publicId', randomBytes(12).toString('base64url'));
      const publicId = (await redis.hget(keys.advisor(advisorId), 'publicId')) as string;
      await redis.hset(keys.advisorPublicIds(), publicId, advisorId);
      return publicId;
    },

    /** Whose opaque id this is, or null. */
    async advisorIdOf(publicId: string): Promise<string | null> {
      return redis.hget(keys.advisorPublicIds(), publicId);
    },

    async conversationsOf(advisorId: string): Promise<string[]> {
      return redis.smembers(keys.advisorConversations(advisorId));
    },

    /** Moves an advisor's active chat to a queue or a colleague; returns where it went. */
    async transfer(conversationId: string, fromAdvisorId: string, to: TransferTarget) {
      const [kind, target] = 'queue' in to ? ['queue', to.queue] : ['advisor', to.advisorId];
      const moved = await runRoutingScript(
        redis,
        keys,
        transferScript,
        [
          keys.chatRouting(conversationId),
          keys.advisor(fromAdvisorId),
          keys.advisorConversations(fromAdvisorId),
        ],
        [conversationId, fromAdvisorId, kind, target, RETURNED_PRIORITY],
      );
      await sync(conversationId);
      return moved;
    },

    handOut,

    /** Hands the head of a queue to the best advisor, or returns null; resolves once synced. */
    async assignNext(queue: Audience): Promise<Assignment | null> {
      const next = await handOut(queue);
      if (!next) return null;
      await next.synced;
      return next.assignment;
    },
  };
}

export type AdvisorPool = ReturnType<typeof createAdvisorPool>;
