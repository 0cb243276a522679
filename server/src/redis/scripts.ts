import { readFileSync } from 'node:fs';
import type { ErrorCode } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';
import type { RedisClient } from './connection.ts';

/**
 * One Lua script's definition: its source, how many of its arguments are keys, how its reply
 * becomes the caller's result, and which reply codes (a negative number, alone or first in a list)
 * are refusals with a stable error code.
 */
export interface LuaScript<Result = unknown> {
  name: string;
  numberOfKeys: number;
  lua: string;
  parse: (reply: unknown) => Result;
  errors: Readonly<Record<number, ErrorCode>>;
}

export interface ScriptOptions<Result> {
  parse?: (reply: unknown) => Result;
  errors?: Record<number, ErrorCode>;
}

/**
 * Reads a Lua script that sits beside the module using it. A line `--#include includes/x.lua`
 * is replaced by that file (relative to the script), so scripts share fragments without copies.
 */
export function luaScript<Result = unknown>(
  moduleUrl: string,
  file: string,
  numberOfKeys: number,
  options: ScriptOptions<Result> = {},
): LuaScript<Result> {
  const url = new URL(file, moduleUrl);
  const lua = readFileSync(url, 'utf8').replace(/^--#include (\S+)$/gm, (_, fragment: string) =>
    readFileSync(new URL(fragment, url), 'utf8'),
  );
  return {
    name: file
      .replace(/^.*\//, '')
      .replace(/\.lua$/, '')
      .replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    numberOfKeys,
    lua,
    parse: options.parse ?? ((reply) => reply as Result),
    errors: options.errors ?? {},
  };
}

type ScriptRunner = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/** Scripts each connection has defined and may run by name (EVALSHA), from the next tick on. */
const definedOn = new WeakMap<RedisClient, Set<string>>();

/** Replicas each script's writes must reach before it answers, per connection (see `waitForReplicas`). */
const replicaWaits = new WeakMap<RedisClient, { replicas: number; timeoutMs: number }>();

/**
 * Every script run on this connection (messages, hand-outs, closings: everything acknowledged to
 * a person) answers only once its writes reached `replicas` replicas or `timeoutMs` passed (WAIT,
 * sent with the script to the same primary). A primary killed right after an acknowledgement
 * then has a replica holding it, which takes over. Past the timeout the write stands on the
 * primary and its append-only file alone.
 */
export function waitForReplicas(redis: RedisClient, replicas: number, timeoutMs: number): void {
  if (replicas > 0) replicaWaits.set(redis, { replicas, timeoutMs });
}

/**
 * Whether the script can run by name on this connection. A script is defined on a connection the
 * first time it runs there (nothing is registered on import); until the next tick it runs as plain
 * EVAL, because with auto-pipelining a batch already gathering that tick lacks the new command.
 */
function runsByName(redis: RedisClient, script: LuaScript<unknown>): boolean {
  let defined = definedOn.get(redis);
  if (!defined) {
    defined = new Set();
    definedOn.set(redis, defined);
  }
  if (defined.has(script.name)) return true;
  if (!(script.name in redis)) {
    redis.defineCommand(script.name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
    const names = defined;
    setImmediate(() => names.add(script.name));
  }
  return false;
}

async function reply(redis: RedisClient, script: LuaScript<unknown>, keysAndArgs: (string | number)[]) {
  const byName = runsByName(redis, script);
  const wait = replicaWaits.get(redis);
  if (!wait) {
    if (!byName) return redis.eval(script.lua, script.numberOfKeys, ...keysAndArgs);
    return (redis as unknown as Record<string, ScriptRunner>)[script.name]?.apply(redis, keysAndArgs);
  }
  // The script and WAIT go to the same primary, on the same connection.
  const pipeline = redis.pipeline();
  if (byName) (pipeline as unknown as Record<string, ScriptRunner>)[script.name]?.(...keysAndArgs);
  else pipeline.eval(script.lua, script.numberOfKeys, ...keysAndArgs);
  pipeline.call('WAIT', wait.replicas, wait.timeoutMs);
  const [[error, value] = [new Error('pipeline discarded'), null]] = (await pipeline.exec()) ?? [];
  if (error) throw error;
  return value;
}

/** Runs a script and returns its parsed result; a reply code the script names as a refusal throws it. */
export async function runScript<Result>(
  redis: RedisClient,
  script: LuaScript<Result>,
  keys: string[],
  args: (string | number)[],
): Promise<Result> {
  const raw = await reply(redis, script as LuaScript<unknown>, [...keys, ...args]);
  const code = Array.isArray(raw) ? raw[0] : raw;
  const refusal = typeof code === 'number' ? script.errors[code] : undefined;
  if (refusal) throw new AppError(refusal);
  return script.parse(raw);
}
