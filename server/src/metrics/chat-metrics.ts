import { AUDIENCES, NAMESPACES } from '@infocig/shared';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { withTimeout } from '../health/with-timeout.ts';

const COLLECT_TIMEOUT_MS = 1_000;
const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;
const WAIT_BUCKETS = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/**
 * The service's own metrics. Events (chats queued, assigned, closed, messages, errors) are
 * counted by the process that saw them; Prometheus sums the processes. What lives in Redis or the
 * store (waiting chats, advisors, follow-ups, jobs) is read from there when scraped, so each
 * process reports the same deployment-wide value: aggregate those with max(), not sum().
 */
export function registerChatMetrics(app: FastifyInstance, registry: Registry) {
  const registers = [registry];
  const collectFailures = new Counter({
    name: 'infocig_metrics_collect_errors_total',
    help: 'Scrapes where a gauge could not be read in time (its values are left out)',
    labelNames: ['source'],
    registers,
  });

  /** Reads a gauge's values at scrape time, within a second; a failure leaves the gauge empty. */
  const readAtScrape = (source: string, read: (gauge: Gauge) => Promise<void>) =>
    async function (this: Gauge) {
      this.reset();
      try {
        await withTimeout(read(this), COLLECT_TIMEOUT_MS, source);
      } catch (err) {
        this.reset();
        collectFailures.inc({ source });
        app.log.debug({ err, source }, 'metric not collected');
      }
    };

  const queued = new Counter({
    name: 'infocig_chats_queued_total',
    help: 'Chats opened into a queue',
    labelNames: ['audience'],
    registers,
  });
  const assigned = new Counter({
    name: 'infocig_chats_assigned_total',
    help: 'Chats handed to an advisor (a chat returned to the queue and handed again counts twice)',
    labelNames: ['audience'],
    registers,
  });
  const closed = new Counter({
    name: 'infocig_chats_closed_total',
    help: 'Chats closed, by who closed them and whether they were still waiting',
    labelNames: ['audience', 'closed_by', 'while'],
    registers,
  });
  const wait = new Histogram({
    name: 'infocig_chat_wait_seconds',
    help: 'From opening a chat to its hand-out to an advisor',
    labelNames: ['audience'],
    buckets: WAIT_BUCKETS,
    registers,
  });
  const firstResponse = new Histogram({
    name: 'infocig_chat_first_response_seconds',
    help: "From opening a chat to the advisor's first reply",
    buckets: WAIT_BUCKETS,
    registers,
  });
  const messages = new Counter({
    name: 'infocig_chat_messages_total',
    help: 'Messages stored (resent duplicates not counted), by author; rate() gives messages per second',
    labelNames: ['author'],
    registers,
  });
  for (const audience of AUDIENCES) {
    queued.inc({ audience }, 0);
    assigned.inc({ audience }, 0);
  }
  for (const author of ['visitor', 'advisor', 'system']) messages.inc({ author }, 0);

  app.chat.onQueued(async (record) => queued.inc({ audience: record.queue }));
  app.chat.onAssigned(async (record, at) => {
    assigned.inc({ audience: record.queue });
    wait.observe({ audience: record.queue }, Math.max(0, (at - record.openedAt) / 1000));
  });
  app.chat.onFirstResponse(async (_id, at, openedAt) =>
    firstResponse.observe(Math.max(0, (at - openedAt) / 1000)),
  );
  app.chat.onClosed(async (c) =>
    closed.inc({ audience: c.queue, closed_by: c.closedBy, while: c.wasWaiting ? 'waiting' : 'assigned' }),
  );
  app.chat.onMessage((author) => messages.inc({ author }));

  const redisErrors = new Counter({
    name: 'infocig_redis_errors_total',
    help: 'Redis connection errors, by connection',
    labelNames: ['connection'],
    registers,
  });
  redisErrors.inc({ connection: 'commands' }, 0);
  app.redis.on('error', () => redisErrors.inc({ connection: 'commands' }));
  for (const queue of app.jobQueues) {
    redisErrors.inc({ connection: `jobs:${queue.name}` }, 0);
    queue.on('error', () => redisErrors.inc({ connection: `jobs:${queue.name}` }));
  }
  const storeErrors = new Counter({
    name: 'infocig_store_errors_total',
    help: 'Failed claims-store statements or transactions',
    labelNames: ['operation'],
    registers,
  });
  storeErrors.inc({ operation: 'query' }, 0);
  app.onStoreFailure((operation) => storeErrors.inc({ operation }));

  new Gauge({
    name: 'infocig_sockets_connected',
    help: 'Sockets connected to this process, by namespace',
    labelNames: ['namespace'],
    registers,
    collect() {
      for (const namespace of Object.values(NAMESPACES))
        this.set({ namespace }, app.io.of(namespace).sockets.size);
    },
  });
  new Gauge({
    name: 'infocig_chats_waiting',
    help: 'Chats waiting in each queue (deployment-wide, from Redis)',
    labelNames: ['audience'],
    registers,
    collect: readAtScrape('queues', async (gauge) => {
      const summaries = await Promise.all(AUDIENCES.map((queue) => app.chat.queueSummary(queue)));
      for (const s of summaries) gauge.set({ audience: s.queue }, s.waiting);
    }),
  });
  new Gauge({
    name: 'infocig_chats_oldest_waiting_seconds',
    help: 'How long the oldest waiting chat of each queue has waited (deployment-wide, from Redis)',
    labelNames: ['audience'],
    registers,
    collect: readAtScrape('queues', async (gauge) => {
      const summaries = await Promise.all(AUDIENCES.map((queue) => app.chat.queueSummary(queue)));
      for (const s of summaries) gauge.set({ audience: s.queue }, s.oldestWaitingSeconds ?? 0);
    }),
  });
  new Gauge({
    name: 'infocig_chats_active',
    help: 'Chats held by advisors now (deployment-wide, from Redis)',
    registers,
    collect: readAtScrape('advisors', async (gauge) => {
      const advisors = await app.pool.list();
      gauge.set(advisors.reduce((sum, a) => sum + a.load, 0));
    }),
  });
  new Gauge({
    name: 'infocig_advisors',
    help: 'Advisors by availability (deployment-wide, from Redis)',
    labelNames: ['availability'],
    registers,
    collect: readAtScrape('advisors', async (gauge) => {
      const advisors = await app.pool.list();
      for (const availability of ['available', 'paused', 'offline'])
        gauge.set({ availability }, advisors.filter((a) => a.availability === availability).length);
    }),
  });
  new Gauge({
    name: 'infocig_followups_open',
    help: 'Follow-ups left by visitors and not yet answered, by queue (from the store)',
    labelNames: ['audience'],
    registers,
    collect: readAtScrape('followups', async (gauge) => {
      const rows = await app.db.query<{ queue: string; open: number }>(
        `SELECT queue, count(*)::int AS open FROM follow_ups WHERE status = 'open' AND kind = 'message' GROUP BY queue`,
      );
      for (const audience of AUDIENCES)
        gauge.set({ audience }, rows.find((r) => r.queue === audience)?.open ?? 0);
    }),
  });
  new Gauge({
    name: 'infocig_jobs',
    help: 'BullMQ jobs by queue and state (deployment-wide, from Redis)',
    labelNames: ['queue', 'state'],
    registers,
    collect: readAtScrape('jobs', async (gauge) => {
      for (const queue of app.jobQueues) {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) gauge.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    }),
  });
}
