import { type Job, Queue, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

/** Every timed job the server runs, with its data. */
export interface TimerJobs {
  'advisor-grace': { advisorId: string; awaySince: number };
  'visitor-grace': { visitorKey: string; conversationId: string; awaySince: number };
  'presence-sweep': Record<string, never>;
  'inactivity-check': { conversationId: string };
  'followup-offer': { conversationId: string };
  'retention-purge': Record<string, never>;
}

export type TimerName = keyof TimerJobs;
export type TimerHandlers = { [K in TimerName]: (data: TimerJobs[K]) => Promise<void> };

const QUEUE_NAME = 'timers';

/**
 * Timers on BullMQ: delayed and repeatable jobs in Redis, so they survive restarts and each runs
 * once whichever process picks it up.
 */
export function createTimers(redisUrl: string, prefix: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: 'infocig-timers' });
  const queue = new Queue(QUEUE_NAME, {
    connection,
    prefix: `${prefix}:bull`,
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: 1000,
      attempts: 3,
      backoff: { type: 'exponential', delay: 500 },
    },
  });
  let worker: Worker | undefined;
  const workerConnection = connection.duplicate({ connectionName: 'infocig-timers-worker' });

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

    async every(name: TimerName, intervalMs: number): Promise<void> {
      await queue.upsertJobScheduler(name, { every: intervalMs }, { name, data: {} });
    },

    /** Starts working the jobs in this process too. */
    start(handlers: TimerHandlers, log: FastifyBaseLogger): void {
      worker = new Worker(
        QUEUE_NAME,
        async (job: Job) => {
          const handler = handlers[job.name as TimerName] as ((data: unknown) => Promise<void>) | undefined;
          if (!handler) throw new Error(`no handler for timer ${job.name}`);
          await handler(job.data);
        },
        {
          connection: workerConnection,
          prefix: `${prefix}:bull`,
          concurrency: 8,
        },
      );
      worker.on('failed', (job, err) => log.error({ err, timer: job?.name }, 'timer failed'));
      worker.on('error', (err) => log.warn({ err: err.message }, 'timer worker error'));
    },

    async close(): Promise<void> {
      await worker?.close();
      await queue.close();
      workerConnection.disconnect();
      connection.disconnect();
    },
  };
}

export type Timers = ReturnType<typeof createTimers>;
