import { readFileSync } from 'node:fs';
import type { RedisClient } from './connection.ts';

export interface LuaScript {
  name: string;
  numberOfKeys: number;
  lua: string;
}

/** Every script read so far, to define on each connection as it opens. */
const registry = new Map<string, LuaScript>();

/**
 * Reads a Lua script that sits beside the module using it. A line `--#include includes/x.lua`
 * is replaced by that file (relative to the script), so scripts share fragments without copies.
 */
export function luaScript(moduleUrl: string, file: string, numberOfKeys: number): LuaScript {
  const url = new URL(file, moduleUrl);
  const lua = readFileSync(url, 'utf8').replace(/^--#include (\S+)$/gm, (_, fragment: string) =>
    readFileSync(new URL(fragment, url), 'utf8'),
  );
  const script = {
    name: file.replace(/\.lua$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    numberOfKeys,
    lua,
  };
  registry.set(script.name, script);
  return script;
}

/**
 * Defines every known script on a connection up front. With auto-pipelining, a script defined
 * later is missing from a pipeline already gathering that tick's commands, and the whole batch fails.
 */
export function defineScripts(redis: RedisClient): void {
  for (const script of registry.values()) defineScript(redis, script);
}

function defineScript(redis: RedisClient, script: LuaScript): void {
  redis.defineCommand(script.name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
}

type ScriptRunner = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

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

async function runThenWait(
  redis: RedisClient,
  script: LuaScript,
  keysAndArgs: (string | number)[],
  wait: { replicas: number; timeoutMs: number },
): Promise<unknown> {
  const pipeline = redis.pipeline();
  (pipeline as unknown as Record<string, (...a: (string | number)[]) => unknown>)[script.name]?.(
    ...keysAndArgs,
  );
  pipeline.call('WAIT', wait.replicas, wait.timeoutMs);
  const results = await pipeline.exec();
  const [error, value] = results?.[0] ?? [new Error('pipeline discarded'), null];
  if (error) throw error;
  return value;
}

/**
 * Runs a script through ioredis' defineCommand (EVALSHA, falling back to EVAL once per
 * connection). A connection that did not define it up front runs it once as plain EVAL, which
 * every pipeline knows, and defines it for next time.
 */
export function runScript(
  redis: RedisClient,
  script: LuaScript,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  const commands = redis as unknown as Record<string, ScriptRunner | undefined>;
  const defined = commands[script.name];
  const wait = replicaWaits.get(redis);
  if (defined && wait) return runThenWait(redis, script, [...keys, ...args], wait);
  if (defined) return defined.apply(redis, [...keys, ...args]);
  defineScript(redis, script);
  return redis.eval(script.lua, script.numberOfKeys, ...keys, ...args);
}
