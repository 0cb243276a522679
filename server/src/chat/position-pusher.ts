import type { Audience } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../realtime/notifier.ts';
import type { QueueView } from '../routing/queue-view.ts';

/** Waiting visitors beyond this rank are not pushed each change; their place is read at connect. */
const PUSH_LIMIT = 1_000;
/** Changes within this window are pushed once: a surge of joins is one sweep, not thousands, and a
 * waiting person needs no more than one update a second. */
const COALESCE_MS = 1_000;

/** Pushes positions and wait estimates to waiting visitors after a queue or its staffing changes. */
export function createPositionPusher(queues: QueueView, notifier: Notifier, log: FastifyBaseLogger) {
  const pending = new Map<Audience, NodeJS.Timeout>();

  async function push(queue: Audience): Promise<void> {
    for (const entry of await queues.head(queue, PUSH_LIMIT)) {
      notifier.toVisitor(entry.visitorKey, 'queue:position', {
        conversationId: entry.conversationId,
        position: entry.position,
        estimate: entry.estimate,
        estimatedWaitSeconds: entry.estimatedWaitSeconds,
      });
    }
    notifier.toAllAdvisors('queue:stats', { queue, waiting: await queues.waitingCount(queue) });
  }

  return {
    changed(queue: Audience): void {
      if (pending.has(queue)) return;
      const timer = setTimeout(() => {
        pending.delete(queue);
        push(queue).catch((err: unknown) => log.warn({ err, queue }, 'position push failed'));
      }, COALESCE_MS);
      pending.set(queue, timer);
    },
    stop(): void {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
