import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, waitForRedis } from '../../src/redis/connection.ts';
import { type LuaScript, luaScript, runScript } from '../../src/redis/scripts.ts';
import { TEST_REDIS_TARGET } from '../support/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'infocig-scripts-'));
// A connection as the server's requests use it: auto-pipelined.
const redis = connectRedis(TEST_REDIS_TARGET, 'infocig-test-scripts', 'requests');
beforeAll(() => waitForRedis(redis));
afterAll(() => {
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** A script no Redis has seen: its source carries a random tag, so its hash is new. */
function freshScript(name: string): LuaScript<string> {
  const file = `${name}.lua`;
  writeFileSync(
    path.join(dir, file),
    `-- ${randomBytes(8).toString('hex')}\nreturn KEYS[1] .. '|' .. ARGV[1] .. '|' .. ARGV[2]\n`,
  );
  return luaScript<string>(pathToFileURL(`${dir}/`).href, file, 1, { parse: (reply) => String(reply) });
}

const key = `infocig-test:scripts:{${randomBytes(4).toString('hex')}}`;

/** Whether the Redis (on a cluster: the primary that owns `key`'s slot, or any) holds the script. */
async function held(sha: string): Promise<boolean> {
  const nodes = 'nodes' in redis ? redis.nodes('master') : [redis];
  const answers = await Promise.all(nodes.map((node) => node.call('SCRIPT', 'EXISTS', sha)));
  return answers.some((answer) => (answer as number[])[0] === 1);
}

describe('Lua scripts', () => {
  it('run when Redis does not hold them yet, and are held by hash afterwards', async () => {
    const script = freshScript('unseen');
    expect(await held(script.sha)).toBe(false);
    expect(await runScript(redis, script, [key], ['a', 1])).toBe(`${key}|a|1`);
    expect(await held(script.sha)).toBe(true);
    expect(await runScript(redis, script, [key], ['b', 2])).toBe(`${key}|b|2`);
  });

  it('answer every call while batches are in flight and new scripts arrive mid-stream (once a crash)', async () => {
    const scripts = Array.from({ length: 6 }, (_, i) => freshScript(`wave-${i}`));
    const calls: Promise<void>[] = [];
    for (let wave = 0; wave < 60; wave++) {
      // A new macrotask each wave: auto-pipelined batches gather while earlier ones are in flight.
      await new Promise((resolve) => setImmediate(resolve));
      const known = Math.min(scripts.length, 1 + Math.floor(wave / 10));
      for (let j = 0; j < 150; j++) {
        const script = scripts[(wave + j) % known]!;
        calls.push(
          runScript(redis, script, [key], [wave, j]).then((answer) => {
            expect(answer).toBe(`${key}|${wave}|${j}`);
          }),
        );
      }
    }
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  });
});
