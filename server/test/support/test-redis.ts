import { connectRedis, primariesOf, type RedisClient, type RedisTarget } from '../../src/redis/connection.ts';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Set (as `host:port,...`) to run the suite on a Redis Cluster: `.ci/run` starts one with
 * scripts/redis-cluster/start.sh and runs the server's tests on it as well as on the single Redis.
 */
const CLUSTER_NODES = process.env.TEST_REDIS_CLUSTER_NODES || undefined;

/** The Redis settings a test server or process gets, unless the test brings a Redis of its own. */
export const TEST_REDIS_ENV: Record<string, string> = {
  REDIS_URL: TEST_REDIS_URL,
  ...(CLUSTER_NODES ? { REDIS_CLUSTER_NODES: CLUSTER_NODES } : {}),
};

export const onCluster = CLUSTER_NODES !== undefined;

export const TEST_REDIS_TARGET: RedisTarget = {
  url: TEST_REDIS_URL,
  ...(CLUSTER_NODES
    ? {
        clusterNodes: CLUSTER_NODES.split(',').map((node) => {
          const [host, port] = node.split(':');
          return { host: host as string, port: Number(port) };
        }),
      }
    : {}),
};

/** A test's own connection to the test Redis (or cluster): waits through blips, like the timers'. */
export function testRedis(name = 'infocig-test'): RedisClient {
  return connectRedis(TEST_REDIS_TARGET, name, 'timers');
}

/** Every key matching `pattern`, on every primary. */
export async function scanKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  if ('nodes' in redis)
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', () => resolve());
      if (redis.status === 'ready') resolve();
      setTimeout(() => reject(new Error('cluster not ready')), 10_000);
    });
  for (const node of primariesOf(redis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
  }
  return keys;
}
