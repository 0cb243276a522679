import type { RedisClient } from '../redis/connection.ts';

type Subscription = 'ssubscribe' | 'sunsubscribe';

/**
 * The Redis adapter fires (un)subscriptions without awaiting them. One still queued when the
 * subscriber is cut (shutdown while Redis is away) would reject with nobody listening, which is
 * an unhandled rejection: a crash in production. Each one's failure is logged here instead; the
 * adapter's own view of its channels is unchanged, and a subscriber that reconnects subscribes
 * again to every channel it holds.
 */
export function logUnawaitedSubscriptions(subscriber: RedisClient, onFailure: (err: Error) => void): void {
  for (const command of ['ssubscribe', 'sunsubscribe'] as const satisfies Subscription[]) {
    const original = subscriber[command].bind(subscriber) as (...args: unknown[]) => Promise<unknown>;
    (subscriber as unknown as Record<Subscription, (...args: unknown[]) => Promise<unknown>>)[command] = (
      ...args: unknown[]
    ) => {
      const sent = original(...args);
      sent.catch(onFailure);
      return sent;
    };
  }
}
