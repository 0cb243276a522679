import { AUDIENCES } from '@infocig/shared';
import type { RedisClient } from '../redis/connection.ts';
import { type Keys, queueKeys } from '../redis/keys.ts';
import { type LuaScript, luaScript, runScript, type ScriptOptions } from '../redis/scripts.ts';

/** Keys every routing script receives before its own (see lua/includes/routing.lua). */
const SHARED_KEYS = AUDIENCES.length * 4 + 1;

/** A script over the routing slot, taking `ownKeys` keys after the shared layout. */
export function routingScript<Result = unknown>(
  moduleUrl: string,
  file: string,
  ownKeys: number,
  options: ScriptOptions<Result> = {},
): LuaScript<Result> {
  return luaScript(moduleUrl, file, SHARED_KEYS + ownKeys, options);
}

/** Runs a routing script with the shared keys and arguments (queues, routing root, now) first. */
export function runRoutingScript<Result>(
  redis: RedisClient,
  keys: Keys,
  script: LuaScript<Result>,
  ownKeys: string[],
  ownArgs: (string | number)[],
  now = Date.now(),
): Promise<Result> {
  return runScript(
    redis,
    script,
    [...queueKeys(keys), keys.unsynced(), ...ownKeys],
    [AUDIENCES.join(','), keys.routingRoot, now, ...ownArgs],
  );
}
