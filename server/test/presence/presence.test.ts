import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPresence } from '../../src/presence/presence.ts';
import type { RedisClient } from '../../src/redis/connection.ts';
import { createKeys, type Keys } from '../../src/redis/keys.ts';
import { deleteKeys, testRedis } from '../support/index.ts';

let keys: Keys;
let redis: RedisClient;

beforeEach(() => {
  keys = createKeys(`infocig-test:${randomBytes(6).toString('hex')}`);
  redis = testRedis();
});
afterEach(async () => {
  redis.disconnect();
  await deleteKeys(keys.prefix);
});

describe('presence across processes', () => {
  it('counts a member present while any process holds a socket of theirs', async () => {
    const [p1, p2] = [createPresence(redis, keys, 'p1'), createPresence(redis, keys, 'p2')];
    await p1.join('a:x');
    await p2.join('a:x');
    expect(await p1.leave('a:x')).toBe(true);
    expect(await p2.isPresent('a:x')).toBe(true);
    expect(await p2.leave('a:x')).toBe(false);
    expect(await p1.isPresent('a:x')).toBe(false);
  });

  it("takes back a dead process's sockets, reporting who is left with none", async () => {
    const [dead, alive] = [createPresence(redis, keys, 'dead'), createPresence(redis, keys, 'alive')];
    await dead.heartbeat();
    await alive.heartbeat();
    await dead.join('v:only-on-dead');
    await dead.join('a:on-both');
    await alive.join('a:on-both');
    expect(await alive.reapDead()).toEqual([]);

    await redis.del(keys.processAlive('dead'));
    expect(await alive.reapDead()).toEqual(['v:only-on-dead']);
    expect(await alive.isPresent('a:on-both')).toBe(true);
    expect(await alive.isPresent('v:only-on-dead')).toBe(false);
    expect(await redis.smembers(keys.processes())).toEqual(['alive']);
  });

  it('does not count a socket twice when it leaves after its process handed everything over', async () => {
    const [closing, other] = [createPresence(redis, keys, 'closing'), createPresence(redis, keys, 'other')];
    await closing.join('a:y');
    await other.join('a:y');
    expect(await closing.reapSelf()).toEqual([]);
    expect(await closing.leave('a:y')).toBe(true);
    expect(await other.isPresent('a:y')).toBe(true);
  });
});
