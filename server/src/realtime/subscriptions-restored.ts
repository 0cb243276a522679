import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis/connection.ts';

/**
 * Calls `restored` each time the push subscriber has its subscriptions back after losing some.
 * One Redis: the connection is ready again (not the first time). A cluster keeps a subscriber
 * connection per shard; when one ends (its primary failed over, or it was killed) ioredis maps the
 * slots again and starts the shard's subscriber anew, then says `subscribersReady`.
 */
export function onSubscriptionsRestored(subscriber: RedisClient, restored: () => void): void {
  if (subscriber instanceof Cluster) {
    let lost = false;
    subscriber.on('-node', () => {
      lost = true;
    });
    subscriber.on('subscribersReady', () => {
      if (!lost) return;
      lost = false;
      restored();
    });
    return;
  }
  let subscribedBefore = false;
  subscriber.on('ready', () => {
    if (subscribedBefore) restored();
    subscribedBefore = true;
  });
}
