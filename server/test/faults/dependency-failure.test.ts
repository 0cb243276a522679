import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toWireError } from '../../src/errors/app-error.ts';
import { isDependencyFailure } from '../../src/errors/dependency-failure.ts';
import { connectRedis } from '../../src/redis/connection.ts';
import { TEST_REDIS_URL } from '../support/index.ts';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A port nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

describe('which failures are SERVICE_UNAVAILABLE', () => {
  it('Redis and PostgreSQL that cannot be reached are; a bad query is not', async () => {
    const port = await closedPort();

    const redis = connectRedis({ url: `redis://127.0.0.1:${port}` }, 'infocig-test-unreachable');
    redis.on('error', () => {});
    const fromRedis = await failureOf(() => redis.get('anything'));
    redis.disconnect();
    expect(toWireError(fromRedis).code).toBe('SERVICE_UNAVAILABLE');

    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/none` });
    const fromPg = await failureOf(() => client.connect());
    expect(isDependencyFailure(fromPg)).toBe(true);

    const up = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await up.connect();
    try {
      expect(isDependencyFailure(await failureOf(() => up.query('SELECT * FROM no_such_table_here')))).toBe(
        false,
      );
    } finally {
      await up.end();
    }
    const live = new Redis(TEST_REDIS_URL);
    try {
      const wrongType = await failureOf(() => live.eval("return redis.call('INCR', KEYS[1])", 0));
      expect(toWireError(wrongType).code).toBe('INTERNAL_ERROR');
    } finally {
      live.disconnect();
    }
    expect(toWireError(new Error('a bug')).code).toBe('INTERNAL_ERROR');
  });
});
