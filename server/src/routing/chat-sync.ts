import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';
import { routingScript, runRoutingScript } from './routing-script.ts';

const syncScript = luaScript(import.meta.url, './lua/sync-conversation.lua', 1);
const confirmScript = routingScript(import.meta.url, './lua/confirm-synced.lua', 1);

/** The conversation hash's fields that copy the chat's routing record. */
const ROUTED_FIELDS = [
  'status',
  'queue',
  'advisorId',
  'assignedAt',
  'enqueuedAt',
  'priority',
  'closedBy',
  'closedAt',
  'outcome',
] as const;

/** How many overdue chats one sweep syncs; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Keeps each conversation hash in step with its chat's routing record. They live in different
 * hash slots (one per conversation, one for routing), so no script can change both at once: every
 * routing change takes a version and lists the chat as unsynced in the same step; the sync then
 * copies the record (only forward, by version) and unlists it. A process that dies in between
 * leaves the chat listed, and `syncOverdue` finishes it. Until then the message path sees the
 * chat's previous state: an advisor just handed a chat may wait a moment to write in it, and a
 * message may still land in a chat whose closing is being synced (it is archived with it).
 */
export function createChatSync(redis: RedisClient, keys: Keys) {
  async function sync(id: string): Promise<void> {
    const routing = await redis.hgetall(keys.chatRouting(id));
    if (routing.rv) {
      const pairs = ROUTED_FIELDS.flatMap((field) => [field, routing[field] ?? '']);
      await runScript(redis, syncScript, [keys.conversation(id)], [routing.rv, ...pairs]);
    }
    await runRoutingScript(redis, keys, confirmScript, [keys.chatRouting(id)], [id, routing.rv ?? '']);
  }

  return {
    sync,

    /** Syncs the chats whose routing changed more than `olderThanMs` ago and are still listed. */
    async syncOverdue(olderThanMs: number): Promise<number> {
      const ids = await redis.zrangebyscore(
        keys.unsynced(),
        '-inf',
        Date.now() - olderThanMs,
        'LIMIT',
        0,
        SWEEP_BATCH,
      );
      for (const id of ids) await sync(id);
      return ids.length;
    },
  };
}

export type ChatSync = ReturnType<typeof createChatSync>;
