import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/index.ts';
import { startRestartableRedis } from '../support/restartable-redis.ts';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Readiness {
  status: string;
  failing?: string[];
  checks: { name: string; ok: boolean }[];
}

const readiness = async (server: TestServer) => {
  const res = await fetch(`${server.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
};

describe('readiness when Redis goes away and comes back', () => {
  let redis: Awaited<ReturnType<typeof startRestartableRedis>>;
  let server: TestServer;

  beforeAll(async () => {
    redis = await startRestartableRedis();
    server = await startTestServer({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis.start().catch(() => {});
    await server.close();
    await redis.stop();
  });

  it('answers 503 naming redis while it is unreachable, 200 once it is back; liveness stays 200', async () => {
    expect(await readiness(server)).toEqual({
      status: 200,
      body: {
        status: 'ready',
        checks: [
          { name: 'redis', ok: true },
          { name: 'store', ok: true },
        ],
      },
    });
    await redis.kill();
    const down = await readiness(server);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', failing: ['redis'] });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await redis.start();
    await vi.waitFor(async () => expect((await readiness(server)).status).toBe(200), {
      timeout: 20_000,
      interval: 200,
    });
  });
});

describe('readiness when the claims store goes away and comes back', () => {
  const database = `infocig_ready_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client;
  let server: TestServer;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    server = await startTestServer({ store: { databaseUrl: url.toString() } });
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await server?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('answers 503 naming the store while connections are refused, 200 once they are allowed again', async () => {
    expect((await readiness(server)).status).toBe(200);
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      database,
    ]);
    const down = await readiness(server);
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      status: 'unavailable',
      failing: ['store'],
      checks: [
        { name: 'redis', ok: true },
        { name: 'store', ok: false },
      ],
    });

    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await vi.waitFor(async () => expect((await readiness(server)).status).toBe(200), {
      timeout: 10_000,
      interval: 200,
    });
  });
});
