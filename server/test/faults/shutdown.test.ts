import { afterEach, describe, expect, it } from 'vitest';
import { FORCED_EXIT_MS } from '../../src/serve/serve.ts';
import { startTestServer, type TestServer } from '../support/index.ts';
import { startRestartableRedis } from '../support/restartable-redis.ts';

type RestartableRedis = Awaited<ReturnType<typeof startRestartableRedis>>;

/** How long the app's close took, or null if it had not ended by the forced-exit time. */
async function closeTime(server: TestServer): Promise<number | null> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    server.close().then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), FORCED_EXIT_MS);
    }),
  ]);
  clearTimeout(timer);
  return ended ? Math.round(performance.now() - started) : null;
}

// A shutdown is what an operator does when a dependency misbehaves: it must end by itself, not
// wait for the forced exit. BullMQ's worker and a subscriber's QUIT both wait for Redis otherwise.
describe('shutdown while Redis misbehaves', () => {
  let redis: RestartableRedis | undefined;
  afterEach(async () => {
    await redis?.stop();
    redis = undefined;
  });

  it('ends while Redis is down', async () => {
    redis = await startRestartableRedis();
    const server = await startTestServer({ env: { REDIS_URL: redis.url } });
    await redis.kill();
    const ms = await closeTime(server);
    console.log(`close with Redis down: ${ms} ms`);
    expect(ms).not.toBeNull();
  });

  it('ends just after Redis came back, while the timers are between reconnection attempts', async () => {
    redis = await startRestartableRedis();
    const server = await startTestServer({ env: { REDIS_URL: redis.url } });
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await redis.start();
    const ms = await closeTime(server);
    console.log(`close just after a Redis restart: ${ms} ms`);
    expect(ms).not.toBeNull();
  });
});
