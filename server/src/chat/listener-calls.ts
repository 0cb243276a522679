import type { FastifyBaseLogger } from 'fastify';

/** How the chat service calls the listeners of its events: a listener's failure never fails the person's action. */
export function createListenerCalls(log: FastifyBaseLogger) {
  return {
    /** Counters run inline on the message path: synchronous, and their failure is only logged. */
    tell<A>(listeners: ((arg: A) => void)[], arg: A) {
      for (const listener of listeners) {
        try {
          listener(arg);
        } catch (err) {
          log.warn({ err }, 'chat listener failed');
        }
      }
    },

    /** Listeners keep figures and timers, side by side. */
    async notify<A extends unknown[]>(listeners: ((...args: A) => Promise<void>)[], ...args: A) {
      await Promise.all(
        listeners.map((listener) =>
          listener(...args).catch((err: unknown) => log.warn({ err }, 'chat listener failed')),
        ),
      );
    },
  };
}
