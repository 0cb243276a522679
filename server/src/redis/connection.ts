import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/config.ts';
import { waitForReplicas } from './scripts.ts';

/** One Redis or a Redis Cluster: every module takes either, through this type. */
export type RedisClient = Redis | Cluster;

export interface RedisTarget {
  url: string;
  /** Seed nodes of a Redis Cluster; when given, `url` is not used. */
  clusterNodes?: { host: string; port: number }[];
  /** Replicas a script's writes must reach before it answers, and for how long to wait (ms). */
  waitReplicas?: { replicas: number; timeoutMs: number };
}

/** What kind of connection a part of the server needs. */
type Role = 'requests' | 'subscriber' | 'timers';

/**
 * Per role: request paths fail fast while Redis is unreachable instead of queueing (no offline
 * queue; one retry for commands in flight when it drops), so a visitor gets SERVICE_UNAVAILABLE at
 * once rather than a hung ack and a command run seconds later, after its sender was told it failed;
 * commands issued in the same tick by many sockets go out in one write (auto-pipelining).
 * The subscriber only listens: a (un)subscription made while Redis is away waits for it to come
 * back (the adapter does not await SUNSUBSCRIBE). Timers (BullMQ) wait and retry through an outage.
 */
const ROLES: Record<Role, { options: RedisOptions; pipelined: boolean; offlineQueue: boolean }> = {
  requests: { options: { maxRetriesPerRequest: 1 }, pipelined: true, offlineQueue: false },
  subscriber: { options: { maxRetriesPerRequest: null }, pipelined: false, offlineQueue: true },
  timers: { options: { maxRetriesPerRequest: null }, pipelined: false, offlineQueue: true },
};

/** The Redis settings of a configuration. */
export const redisTarget = (config: Pick<Config, 'redis'>): RedisTarget => config.redis;

/**
 * A connection for one role, to a single Redis or to a Redis Cluster. On a cluster the subscriber
 * keeps a connection per shard for sharded pub/sub (`shardedSubscribers`), which the Socket.IO
 * sharded adapter needs: SSUBSCRIBE goes to the shard that owns the channel.
 */
export function connectRedis(target: RedisTarget, name: string, role: Role = 'requests'): RedisClient {
  const { options, pipelined, offlineQueue } = ROLES[role];
  const redisOptions: RedisOptions = { ...options, connectionName: name, enableOfflineQueue: offlineQueue };
  const client = target.clusterNodes
    ? new Cluster(target.clusterNodes, {
        redisOptions,
        enableOfflineQueue: offlineQueue,
        enableAutoPipelining: pipelined,
        ...(role === 'subscriber' ? { shardedSubscribers: true } : {}),
      } satisfies ClusterOptions)
    : new Redis(target.url, { ...redisOptions, enableAutoPipelining: pipelined });
  if (role === 'requests' && target.waitReplicas)
    waitForReplicas(client, target.waitReplicas.replicas, target.waitReplicas.timeoutMs);
  return client;
}

export async function waitForRedis(redis: RedisClient, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/** The nodes that answer commands: the primaries of a cluster, or the one Redis. */
export function primariesOf(redis: RedisClient): Redis[] {
  return redis instanceof Cluster ? redis.nodes('master') : [redis];
}
