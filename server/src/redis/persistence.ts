import { StartError } from '../errors/start-error.ts';
import { primariesOf, type RedisClient } from './connection.ts';

const ADVICE =
  'run Redis with appendonly yes (appendfsync everysec), or set REDIS_ACCEPT_NO_PERSISTENCE=true to accept losing live chats on a Redis restart';

/**
 * Live chats and acknowledged messages exist only in Redis until a chat closes: without the
 * append-only file a Redis restart erases them. Production refuses such a Redis (on a cluster:
 * any primary of it) unless told.
 */
export async function assertPersistent(redis: RedisClient): Promise<void> {
  await Promise.all(primariesOf(redis).map(assertNodePersistent));
}

async function assertNodePersistent(redis: Pick<RedisClient, 'config'>): Promise<void> {
  let answer: unknown;
  try {
    answer = await redis.config('GET', 'appendonly');
  } catch (error) {
    // Managed Redis often renames or forbids CONFIG: what it does cannot be checked from here.
    throw new StartError(`Cannot read Redis's persistence setting (${(error as Error).message}): ${ADVICE}.`);
  }
  const [, value] = Array.isArray(answer) ? answer : [];
  if (value !== 'yes')
    throw new StartError(`Redis keeps nothing on disk (appendonly ${value ?? 'unknown'}): ${ADVICE}.`);
}
