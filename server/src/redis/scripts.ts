import { createHash } from 'node:crypto';
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
  /** SHA-1 of `lua`: what EVALSHA names it by. */
  sha: string;
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
    sha: createHash('sha1').update(lua).digest('hex'),
    parse: options.parse ?? ((reply) => reply as Result),
    errors: options.errors ?? {},
  };
}

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

/** Redis does not hold the script (never loaded, restarted, or a replica just promoted). */
const isNoScript = (error: unknown) => error instanceof Error && error.message.startsWith('NOSCRIPT');

/**
 * Runs a script by its hash (EVALSHA), and by its source (EVAL, which also loads it) when Redis does
 * not hold it. Both are plain commands: with auto-pipelining a batch gathering while another is in
 * flight takes them whenever they come, where a command defined on the connection meanwhile
 * (`defineCommand`) is missing from that batch, which then fails and brings the process down.
 */
async function reply(redis: RedisClient, script: LuaScript<unknown>, keysAndArgs: (string | number)[]) {
  const { sha, lua, numberOfKeys } = script;
  const wait = replicaWaits.get(redis);
  if (!wait) {
    try {
      return await redis.evalsha(sha, numberOfKeys, ...keysAndArgs);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return redis.eval(lua, numberOfKeys, ...keysAndArgs);
    }
  }
  // The script and WAIT go to the same primary, on the same connection.
  const withWait = async (byHash: boolean) => {
    const pipeline = redis.pipeline();
    if (byHash) pipeline.evalsha(sha, numberOfKeys, ...keysAndArgs);
    else pipeline.eval(lua, numberOfKeys, ...keysAndArgs);
    pipeline.call('WAIT', wait.replicas, wait.timeoutMs);
    const [[error, value] = [new Error('pipeline discarded'), null]] = (await pipeline.exec()) ?? [];
    return { error, value };
  };
  let answer = await withWait(true);
  if (isNoScript(answer.error)) answer = await withWait(false);
  if (answer.error) throw answer.error;
  return answer.value;
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
