import { LIMITS } from '@infocig/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createLocalFirstAdapter } from './local-first-adapter.ts';
import { createNotifier } from './notifier.ts';
import { askLocalSessionsToResync } from './restart-sessions.ts';
import { advisorNamespace, visitorNamespace } from './typed-sockets.ts';
import { logUnawaitedSubscriptions } from './unawaited-subscriptions.ts';

/** Socket.IO on the Fastify server, shared across processes through Redis. */
export const realtimePlugin = fp(
  async (app) => {
    const { prefix } = app.keys;
    // Subscriptions need a connection of their own; it is not pipelined, it only listens.
    const subscriber = app.redis.duplicate({
      connectionName: `infocig-${process.pid}-pushes`,
      enableAutoPipelining: false,
      // Unlike request paths, a (un)subscription made while Redis is away waits for it to come
      // back: the adapter does not await SUNSUBSCRIBE, so a failed one would be an unhandled rejection.
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
    });
    subscriber.on('error', (err) => app.log.warn({ err: err.message }, 'redis subscriber error'));
    logUnawaitedSubscriptions(subscriber, (err) =>
      app.log.warn({ err: err.message }, 'push (un)subscription failed'),
    );
    const io = new Server(app.server, {
      // Pushes reach sockets held by any server process sharing this Redis; the prefix keeps
      // deployments (and test runs) that share a Redis from hearing each other.
      adapter: createLocalFirstAdapter(app.redis, subscriber, `${prefix}:socket.io`),
      serveClient: false,
      maxHttpBufferSize: LIMITS.maxPacketBytes,
      // Same-origin in the demo; the widget host page's origin list comes with the CORS issue.
      cors: { origin: false },
    });
    app.decorate('io', io);
    // Pushes published while the subscriber was away are gone (SPUBLISH to nobody): once it has
    // subscribed again, this process's sessions are told to fetch what they hold afresh.
    let subscribedBefore = false;
    subscriber.on('ready', () => {
      if (subscribedBefore) {
        const told = askLocalSessionsToResync(io);
        app.log.warn({ told }, 'push subscriber reconnected: sessions asked to resync');
      }
      subscribedBefore = true;
    });
    // Sockets go first so that closing the HTTP server does not wait on upgraded connections.
    app.addHook('preClose', async () => {
      await io.close();
      // It only listens, so there is nothing to flush; a QUIT would wait for Redis if it is away.
      subscriber.disconnect();
    });
    app.decorate('notifier', createNotifier(visitorNamespace(io), advisorNamespace(io)));
  },
  { name: 'realtime', dependencies: ['redis'] },
);
