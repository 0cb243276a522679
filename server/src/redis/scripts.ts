import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

export interface LuaScript {
  name: string;
  numberOfKeys: number;
  lua: string;
}

/** Reads a Lua script that sits beside the module using it. */
export function luaScript(moduleUrl: string, file: string, numberOfKeys: number): LuaScript {
  const lua = readFileSync(new URL(file, moduleUrl), 'utf8');
  return {
    name: file.replace(/\.lua$/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    numberOfKeys,
    lua,
  };
}

type ScriptRunner = (...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * Runs a script through ioredis' defineCommand (EVALSHA, falling back to EVAL once per
 * connection), defining it on first use.
 */
export function runScript(
  redis: Redis,
  script: LuaScript,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  const commands = redis as unknown as Record<string, ScriptRunner | undefined>;
  if (!commands[script.name]) {
    redis.defineCommand(script.name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
  }
  return (commands[script.name] as ScriptRunner)(...keys, ...args);
}
