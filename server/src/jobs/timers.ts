import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { withTimeout } from '../health/with-timeout.ts';
import { connectRedis, type RedisTarget } from '../redis/connection.ts';

/** Every timed job the server runs, with its data. */
export interface TimerJobs {
  'advisor-grace': { advisorId: string; awaySince: number };
  'visitor-grace': { visitorKey: string; conversationId: string; awaySince: number };
  'presence-sweep': Record<string, never>;
  'announcement-sweep': Record<string, never>;
  'archive-sweep': Record<string, never>;
  'sync-sweep': Record<string, never>;
  'inactivity-check': { conversationId: string };
  'followup-offer': { conversationId: string };
  'referral-overdue': { referralId: string };
  'retention-purge': Record<string, never>;
}

export type TimerName = keyof TimerJobs;
/** A handler may ask to run again at a time (ms): the same job, under the same id, is delayed. */
// biome-ignore lint/suspicious/noConfusingVoidType: handlers that never delay themselves return Promise<void>.
export type TimerOutcome = void | { runAgainAt: number };
export type TimerHandlers = { [K in TimerName]: (data: TimerJobs[K]) => Promise<TimerOutcome> };

const QUEUE_NAME = 'timers';
const CLOSE_MS = 2_000;

/**
 * Timers on BullMQ: delayed and repeatable jobs in Redis, so they survive restarts and each runs
 * once whichever process picks it up.
 */
export function createTimers(redis: RedisTarget, jobsPrefix: string, log: FastifyBaseLogger) {
  // Timers wait and retry through an outage (no per-request limit), unlike request paths.
  const connection = connectRedis(redis, 'infocig-timers', 'timers');
  // Errors go through the app's log as one line each, never as raw stacks on stderr.
  const logError = (source: string) => (err: Error) => log.warn({ err: err.message, source }, 'timers error');
  connection.on('error', logError('connection'));
  const queue = new Queue(QUEUE_NAME, {
    connection,
    prefix: jobsPrefix,
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: 1000,
      attempts: 3,
      backoff: { type: 'exponential', delay: 500 },
    },
  });
  queue.on('error', logError('queue'));
  const schedules = new Map<TimerName, number>();
  const upsertScheduler = (name: TimerName, intervalMs: number) =>
    queue.upsertJobScheduler(name, { every: intervalMs }, { name, data: {} }).then(() => undefined);
  const reassertSchedules = async () => {
    await Promise.all([...schedules].map(([name, intervalMs]) => upsertScheduler(name, intervalMs)));
  };
  connection.on('ready', () => {
    reassertSchedules().catch(logError('schedulers'));
  });
  let worker: Worker | undefined;
  const workerConnection = connectRedis(redis, 'infocig-timers-worker', 'timers');
  workerConnection.on('error', logError('worker connection'));

  return {
    /** The queue itself, for the job board and the job-count metrics (reading, not scheduling). */
    queue,

    async schedule<K extends TimerName>(
      name: K,
      data: TimerJobs[K],
      delayMs: number,
      jobId?: string,
    ): Promise<void> {
      await queue.add(name, data, { delay: delayMs, ...(jobId ? { jobId } : {}) });
    },

    /**
     * Removes a pending job by its id, when it no longer applies. A job running now cannot be
     * removed; it finds nothing to do and ends.
     */
    async cancel(jobId: string): Promise<void> {
      await queue.remove(jobId);
    },

    /**
     * A job run every `intervalMs`, in whichever process is free. Its scheduler lives in Redis, so
     * it is put back each time the connection is ready again: a Redis that lost its data would
     * otherwise never run it again (upserting is idempotent).
     */
    async every(name: TimerName, intervalMs: number): Promise<void> {
      schedules.set(name, intervalMs);
      await upsertScheduler(name, intervalMs);
    },

    /** Puts every `every` job's scheduler back (after Redis lost its data). */
    reassertSchedules,

    /** Starts working the jobs in this process too. */
    start(handlers: TimerHandlers, workerLog: FastifyBaseLogger = log): void {
      worker = new Worker(
        QUEUE_NAME,
        async (job: Job, token?: string) => {
          const handler = handlers[job.name as TimerName] as
            | ((data: unknown) => Promise<TimerOutcome>)
            | undefined;
          if (!handler) throw new Error(`no handler for timer ${job.name}`);
          const outcome = await handler(job.data);
          if (outcome) {
            // BullMQ's way to delay the running job itself: it keeps its id, so it can be cancelled.
            await job.moveToDelayed(outcome.runAgainAt, token);
            throw new DelayedError();
          }
        },
        {
          connection: workerConnection,
          prefix: jobsPrefix,
          concurrency: 8,
        },
      );
      worker.on('failed', (job, err) => workerLog.error({ err, timer: job?.name }, 'timer failed'));
      worker.on('error', logError('worker'));
    },

    /**
     * Stops working and closes the connections, within `CLOSE_MS`: BullMQ's close never ends when
     * its blocking connection is between reconnection attempts (just after a Redis restart, or
     * while Redis is down), so past the deadline the connections are cut instead.
     */
    async close(): Promise<void> {
      const closing = (async () => {
        await worker?.close();
        await queue.close();
      })();
      await withTimeout(closing, CLOSE_MS, 'closing the timers').catch((err: Error) =>
        log.warn({ err: err.message }, 'timers did not close in time: connections cut'),
      );
      workerConnection.disconnect();
      connection.disconnect();
    },
  };
}

export type Timers = ReturnType<typeof createTimers>;
