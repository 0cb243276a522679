import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

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
export function defineScripts(redis: Redis): void {
  for (const script of registry.values()) defineScript(redis, script);
}

function defineScript(redis: Redis, script: LuaScript): void {
  redis.defineCommand(script.name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
}

type ScriptRunner = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * Runs a script through ioredis' defineCommand (EVALSHA, falling back to EVAL once per
 * connection). A connection that did not define it up front runs it once as plain EVAL, which
 * every pipeline knows, and defines it for next time.
 */
export function runScript(
  redis: Redis,
  script: LuaScript,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  const commands = redis as unknown as Record<string, ScriptRunner | undefined>;
  const defined = commands[script.name];
  if (defined) return defined.apply(redis, [...keys, ...args]);
  defineScript(redis, script);
  return redis.eval(script.lua, script.numberOfKeys, ...keys, ...args);
}
