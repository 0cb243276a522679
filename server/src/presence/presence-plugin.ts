import fp from 'fastify-plugin';
import { ulid } from 'ulid';
import { restartLocalSessions } from '../realtime/restart-sessions.ts';
import { watchEpoch } from '../redis/epoch.ts';
import { createDepartures, type Departures } from './departures.ts';
import { createPresence } from './presence.ts';
import { createSessions, type Sessions } from './sessions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    departures: Departures;
    /** Each person's open sockets across processes, capped, with their tokens' expiry. */
    sessions: Sessions;
  }
}

const HEARTBEAT_MS = 5_000;
const SWEEP_MS = 5_000;

/**
 * Who is connected, across processes, and what happens when people go: grace periods before an
 * advisor's chats return to the queue or a visitor's chat closes, and a sweep for processes that
 * died holding people. Also heals a Redis that lost its data (an epoch key): this process's
 * sessions are set up again, and the repeating jobs and its heartbeat are put back.
 */
export const presencePlugin = fp(
  async (app) => {
    const { redis, keys, config, jobs, chat } = app;
    const presence = createPresence(redis, keys, ulid());
    const departures = createDepartures({
      presence,
      pool: app.pool,
      chat,
      timers: jobs,
      graceMs: config.graceMs,
      log: app.log,
    });
    jobs.handle('advisor-grace', departures.advisorGraceOver);
    jobs.handle('visitor-grace', departures.visitorGraceOver);
    jobs.handle('presence-sweep', departures.sweep);
    jobs.every('presence-sweep', SWEEP_MS);

    await presence.heartbeat();
    const heartbeat = setInterval(() => {
      presence.heartbeat().catch((err: unknown) => app.log.warn({ err }, 'presence heartbeat failed'));
    }, HEARTBEAT_MS);
    const epoch = await watchEpoch(
      redis,
      keys.epoch(),
      async () => {
        const restarted = restartLocalSessions(app.io, 'The service restarted; reconnecting.');
        app.log.warn({ restarted }, 'sessions restarted after Redis lost its data');
        await Promise.all([jobs.reassertSchedules(), presence.heartbeat()]);
      },
      app.log,
    );

    app.decorate('departures', departures);
    app.decorate('sessions', createSessions(redis, keys, presence.processId));
    // After realtime's pre-close has closed the sockets and chat's has stopped handing out, and
    // before Redis and the timers close: this process's people go to the grace timers.
    app.addHook('preClose', async () => {
      clearInterval(heartbeat);
      epoch.stop();
      await departures.leaveAll().catch((err: unknown) => app.log.warn({ err }, 'presence hand-over failed'));
    });
  },
  { name: 'presence', dependencies: ['redis', 'realtime', 'jobs', 'chat'] },
);
