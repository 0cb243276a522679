import fp from 'fastify-plugin';
import { connectRedis, type RedisClient, waitForRedis } from './connection.ts';
import { createKeys, type Keys } from './keys.ts';
import { assertPersistent } from './persistence.ts';

declare module 'fastify' {
  interface FastifyInstance {
    redis: RedisClient;
    /** Every Redis key name (redis/keys.ts). */
    keys: Keys;
  }
}

export const redisPlugin = fp(
  async (app) => {
    const redis = connectRedis(app.config.redis, `infocig-${process.pid}`);
    redis.on('error', (err) => app.log.warn({ err: err.message }, 'redis error'));
    await waitForRedis(redis);
    if (app.config.redis.requirePersistence) {
      await assertPersistent(redis).catch(async (error: unknown) => {
        redis.disconnect();
        throw error;
      });
    }
    app.decorate<RedisClient>('redis', redis);
    app.decorate('keys', createKeys(app.config.redis.prefix));
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  },
  { name: 'redis' },
);
