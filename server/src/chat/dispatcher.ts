import { AUDIENCES, type Audience } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs a queue's hand-out loop off the path of whoever asked for it, at most once at a time per
 * queue in this process: a kick while the loop runs makes it run once more afterwards, so a burst
 * of requests costs one loop, not one each, and nobody's ack waits for other people's assignments.
 * Other processes run their own; the assignment script keeps them from handing out a chat twice.
 */
export function createDispatcher(run: (queue: Audience) => Promise<void>, log: FastifyBaseLogger) {
  const state = new Map<Audience, 'running' | 'again'>();
  const inFlight = new Set<Promise<void>>();

  async function loop(queue: Audience): Promise<void> {
    try {
      do {
        state.set(queue, 'running');
        await run(queue).catch((err: unknown) => log.error({ err, queue }, 'dispatch failed'));
      } while (state.get(queue) === 'again');
    } finally {
      state.delete(queue);
    }
  }

  /** Keeps work started on the way (announcements) until it ends, so a shutdown can wait for it. */
  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  function kick(queue: Audience): void {
    if (state.has(queue)) {
      state.set(queue, 'again');
      return;
    }
    track(loop(queue));
  }

  return {
    kick,
    /** A freed advisor slot may serve any queue. */
    kickAll(): void {
      for (const queue of AUDIENCES) kick(queue);
    },
    track,
    /** Resolves when no loop or tracked work is left (shutdown, tests). */
    async settled(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
