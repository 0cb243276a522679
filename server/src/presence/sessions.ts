import type { RedisClient } from '../redis/connection.ts';
import type { Keys } from '../redis/keys.ts';
import { luaScript, runScript } from '../redis/scripts.ts';

/** Replies {latest token expiry kept, socket ids to close...}: the ids to close. */
const sessionsScript = luaScript(import.meta.url, './lua/sessions.lua', 2, {
  parse: (reply) => (reply as [number, ...string[]]).slice(1) as string[],
});

/**
 * Each member's open sockets across every process sharing the Redis, with the expiry of each
 * socket's token: how many sockets one person may hold is capped here (the oldest past the cap is
 * named for closing), and assignment reads an advisor's for a token still valid. Sockets of a
 * process that died drop out once presence has reaped it.
 */
export function createSessions(redis: RedisClient, keys: Keys, processId: string) {
  async function run(op: 'open' | 'close', member: string, socketId: string, expiresAtMs = 0, cap = 0) {
    return runScript(
      redis,
      sessionsScript,
      [keys.sessions(member), keys.processes()],
      [op, socketId, processId, Date.now(), expiresAtMs, cap],
    );
  }

  return {
    /**
     * A socket of the member is open here with a token valid until `expiresAtMs` (again, after a
     * refresh). Returns the ids of the member's oldest sockets past `cap`, to close.
     */
    open: (member: string, socketId: string, expiresAtMs: number, cap: number): Promise<string[]> =>
      run('open', member, socketId, expiresAtMs, cap),

    async close(member: string, socketId: string): Promise<void> {
      await run('close', member, socketId);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
