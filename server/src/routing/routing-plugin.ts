import fp from 'fastify-plugin';
import { type AdvisorPool, createAdvisorPool } from './advisor-pool.ts';
import { createChatSync } from './chat-sync.ts';
import { createQueueView, type QueueView } from './queue-view.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Advisors' availability, queues and load, and the atomic hand-out of waiting chats. */
    pool: AdvisorPool;
    /** Queue order and pace, for positions and wait estimates. */
    queues: QueueView;
  }
}

const SWEEP_MS = 5_000;
/** A routing change not yet in its conversation hash this long after (a process died) is synced by the sweep. */
const SYNC_OVERDUE_MS = 5_000;

/**
 * Routing: the queues, the advisor pool and the hand-out, all in Redis's routing slot, and the
 * sweep that brings a conversation's hash in step with a routing change its process did not finish.
 */
export const routingPlugin = fp(
  async (app) => {
    const { redis, keys, jobs } = app;
    const chatSync = createChatSync(redis, keys);
    jobs.handle('sync-sweep', async () => {
      const synced = await chatSync.syncOverdue(SYNC_OVERDUE_MS);
      if (synced > 0) app.log.warn({ synced }, 'chats synced late with their routing');
    });
    jobs.every('sync-sweep', SWEEP_MS);
    app.decorate('pool', createAdvisorPool(redis, keys));
    app.decorate('queues', createQueueView(redis, keys));
  },
  { name: 'routing', dependencies: ['redis', 'jobs'] },
);
