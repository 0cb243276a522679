import type { Queue } from 'bullmq';
import fp from 'fastify-plugin';
import { createTimers, type TimerHandlers, type TimerName, type Timers } from './timers.ts';

/** Every timer, so that a start without a handler for one of them fails instead of leaving it idle. */
const TIMER_NAMES = [
  'advisor-grace',
  'visitor-grace',
  'presence-sweep',
  'announcement-sweep',
  'archive-sweep',
  'sync-sweep',
  'inactivity-check',
  'followup-offer',
  'referral-overdue',
  'retention-purge',
] as const satisfies readonly TimerName[];
// A timer added to TimerJobs but not listed above does not compile.
const listsEveryTimer: Exclude<TimerName, (typeof TIMER_NAMES)[number]> extends never ? true : never = true;

export interface Jobs extends Pick<Timers, 'schedule' | 'cancel' | 'reassertSchedules'> {
  /** The capability that owns a timer says what it does; every timer must have one by the start. */
  handle<K extends TimerName>(name: K, handler: TimerHandlers[K]): void;
  /** A timer run every `intervalMs` in whichever process is free, from the start on. */
  every(name: TimerName, intervalMs: number): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Timed and repeating jobs (BullMQ): each capability registers its own. */
    jobs: Jobs;
    /** Every BullMQ queue the server runs, for the job board and the job-count metrics. */
    jobQueues: readonly Queue[];
  }
}

/**
 * Timers on BullMQ. Capabilities register their handlers and repeating jobs while the app is built;
 * the worker starts once it is ready (a missing handler fails the start), and stops at close,
 * after every capability's own pre-close hand-over (which may still schedule grace timers).
 */
export const jobsPlugin = fp(
  async (app) => {
    void listsEveryTimer;
    const timers = createTimers(app.config.redis, app.keys.jobsPrefix, app.log);
    const handlers: Partial<TimerHandlers> = {};
    const repeating: [TimerName, number][] = [];
    app.decorate<Jobs>('jobs', {
      schedule: timers.schedule,
      cancel: timers.cancel,
      reassertSchedules: timers.reassertSchedules,
      handle(name, handler) {
        if (handlers[name]) throw new Error(`timer ${name} already has a handler`);
        (handlers as Record<TimerName, unknown>)[name] = handler;
      },
      every(name, intervalMs) {
        repeating.push([name, intervalMs]);
      },
    });
    app.decorate('jobQueues', [timers.queue]);
    app.addHook('onReady', async () => {
      const missing = TIMER_NAMES.filter((name) => !handlers[name]);
      if (missing.length > 0) throw new Error(`no handler for timers: ${missing.join(', ')}`);
      timers.start(handlers as TimerHandlers, app.log);
      for (const [name, intervalMs] of repeating) await timers.every(name, intervalMs);
    });
    app.addHook('onClose', async () => {
      await timers.close();
    });
  },
  { name: 'jobs', dependencies: ['redis'] },
);
