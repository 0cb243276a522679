import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';

const joinScript = luaScript(import.meta.url, './lua/join.lua', 3);
const leaveScript = luaScript(import.meta.url, './lua/leave.lua', 2, { parse: Number });
const reapScript = luaScript(import.meta.url, './lua/reap.lua', 4, { parse: (reply) => reply as string[] });

/** A process that has not heartbeaten for this long is taken for dead. */
export const HEARTBEAT_TTL_SECONDS = 15;

/**
 * Who is connected, across every process sharing the Redis: each process counts its sockets per
 * member (`v:<visitorKey>`, `a:<advisorId>`) and heartbeats; the counts of a process that stops
 * heartbeating (killed, crashed) are taken back by whichever process sweeps first.
 */
export function createPresence(redis: RedisClient, keys: Keys, processId: string) {
  const mine = keys.processMembers(processId);

  async function reap(id: string, force: boolean): Promise<string[]> {
    return runScript(
      redis,
      reapScript,
      [keys.processMembers(id), keys.presence(), keys.processes(), keys.processAlive(id)],
      [id, force ? '1' : '0'],
    );
  }

  return {
    processId,

    async heartbeat(): Promise<void> {
      await redis
        .multi()
        .set(keys.processAlive(processId), '1', 'EX', HEARTBEAT_TTL_SECONDS)
        .sadd(keys.processes(), processId)
        .exec();
    },

    /** A socket of the member arrived here; any absence of theirs is over. */
    async join(member: string): Promise<void> {
      await runScript(redis, joinScript, [mine, keys.presence(), keys.awaySince(member)], [member]);
    },

    /** Returns whether the member still has a socket anywhere. */
    async leave(member: string): Promise<boolean> {
      return (await runScript(redis, leaveScript, [mine, keys.presence()], [member])) > 0;
    },

    /** Marks when an absence began; the grace timer acts only for the absence it was set for. */
    async markAway(member: string, since: number, ttlMs: number): Promise<void> {
      await redis.set(keys.awaySince(member), String(since), 'PX', ttlMs);
    },

    async awaySince(member: string): Promise<number | null> {
      const since = await redis.get(keys.awaySince(member));
      return since === null ? null : Number(since);
    },

    async isPresent(member: string): Promise<boolean> {
      return Number((await redis.hget(keys.presence(), member)) ?? 0) > 0;
    },

    /** Members left with no socket because their processes died. */
    async reapDead(): Promise<string[]> {
      const gone: string[] = [];
      for (const id of await redis.smembers(keys.processes())) {
        if (id !== processId) gone.push(...(await reap(id, false)));
      }
      return gone;
    },

    /** On shutdown: this process's sockets are gone; returns members with none left anywhere. */
    async reapSelf(): Promise<string[]> {
      return reap(processId, true);
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
