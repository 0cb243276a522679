import { afterAll, beforeAll } from 'vitest';
import { startRestartableRedis } from './restartable-redis.ts';
import { startTestServer, type TestServer } from './test-server.ts';

type RestartableRedis = Awaited<ReturnType<typeof startRestartableRedis>>;

/**
 * A test server on a Redis of the file's own that a test may kill, restart or empty; set up before
 * the file's tests and torn down after them (Redis started again first, so the server closes cleanly).
 */
export function serverOnRestartableRedis(env: Record<string, string> = {}) {
  let redis: RestartableRedis | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    redis = await startRestartableRedis();
    server = await startTestServer({ env: { ...env, REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis?.start().catch(() => {});
    await server?.close();
    await redis?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('used before the fixture was set up');
    return value;
  };
  return {
    get redis() {
      return ready(redis);
    },
    get server() {
      return ready(server);
    },
  };
}

/** A worker in Rome, numbered within a test file: `tag` (six letters) keeps files apart. */
export const numberedWorker = (tag: string, n: number) => ({
  sub: `${tag}${n}0A01H501X`,
  role: 'lavoratore' as const,
  name: `Persona ${n}`,
  province: 'RM',
});
