import fp from 'fastify-plugin';
import { supervisorNamespace } from '../realtime/typed-sockets.ts';
import { startOverviewPushes } from './overview-pushes.ts';
import { createRecentWaits } from './recent-waits.ts';
import { createServiceOverview, type ServiceOverviewReader } from './service-overview.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What supervisors watch: queues and advisors now, the same from every process. */
    overview: ServiceOverviewReader;
    /** Pushes the overview to this process's supervisors at once (after a change made here). */
    pokeOverview(): void;
  }
}

/** Supervision: the live overview of queues and advisors, and its pushes. */
export const supervisionPlugin = fp(
  async (app) => {
    const { redis, keys, chat, pool, config } = app;
    const recentWaits = createRecentWaits(redis, keys);
    chat.onAssigned((record, at) =>
      recentWaits.record(record.queue, record.id, (at - record.openedAt) / 1000, at),
    );
    const overview = createServiceOverview({
      redis,
      keys,
      pool,
      recentWaits,
      queueSummary: (queue) => chat.queueSummary(queue),
      graceMs: config.graceMs,
    });
    const pushes = startOverviewPushes(supervisorNamespace(app.io), overview, app.log);
    app.addHook('onClose', async () => pushes.stop());
    app.decorate('overview', overview);
    app.decorate('pokeOverview', pushes.poke);
  },
  { name: 'supervision', dependencies: ['redis', 'realtime', 'routing', 'chat'] },
);
