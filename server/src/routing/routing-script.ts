import { AUDIENCES } from '@infocig/shared';
import type { RedisClient } from '../redis/connection.ts';
import { type Keys, queueKeys } from '../redis/keys.ts';
import { type LuaScript, luaScript, runScript } from '../redis/scripts.ts';

/** Keys every routing script receives before its own (see lua/includes/routing.lua). */
const SHARED_KEYS = AUDIENCES.length * 4 + 1;

/** A script over the routing slot, taking `ownKeys` keys after the shared layout. */
export function routingScript(moduleUrl: string, file: string, ownKeys: number): LuaScript {
  return luaScript(moduleUrl, file, SHARED_KEYS + ownKeys);
}

/** Runs a routing script with the shared keys and arguments (queues, routing root, now) first. */
export function runRoutingScript(
  redis: RedisClient,
  keys: Keys,
  script: LuaScript,
  ownKeys: string[],
  ownArgs: (string | number)[],
  now = Date.now(),
): Promise<unknown> {
  return runScript(
    redis,
    script,
    [...queueKeys(keys), keys.unsynced(), ...ownKeys],
    [AUDIENCES.join(','), keys.routingRoot, now, ...ownArgs],
  );
}
