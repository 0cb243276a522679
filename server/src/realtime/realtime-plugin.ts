import { LIMITS } from '@infocig/shared';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { sourceOf } from '../http/origins.ts';
import { connectRedis } from '../redis/connection.ts';
import { createLocalFirstAdapter } from './local-first-adapter.ts';
import { createNotifier, type Notifier } from './notifier.ts';
import { askLocalSessionsToResync } from './restart-sessions.ts';
import { onSubscriptionsRestored } from './subscriptions-restored.ts';
import { advisorNamespace, visitorNamespace } from './typed-sockets.ts';
import { logUnawaitedSubscriptions } from './unawaited-subscriptions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    notifier: Notifier;
  }
}

/** Socket.IO on the Fastify server, shared across processes through Redis. */
export const realtimePlugin = fp(
  async (app) => {
    const { socketChannel } = app.keys;
    // Subscriptions need a connection of their own: it only listens, and a (un)subscription made
    // while Redis is away waits for it (see redis/connection.ts).
    const subscriber = connectRedis(app.config.redis, `infocig-${process.pid}-pushes`, 'subscriber');
    subscriber.on('error', (err: Error) => app.log.warn({ err: err.message }, 'redis subscriber error'));
    logUnawaitedSubscriptions(subscriber, (err) =>
      app.log.warn({ err: err.message }, 'push (un)subscription failed'),
    );
    const io = new Server(app.server, {
      // Pushes reach sockets held by any server process sharing this Redis; the prefix keeps
      // deployments (and test runs) that share a Redis from hearing each other.
      adapter: createLocalFirstAdapter(app.redis, subscriber, socketChannel),
      serveClient: false,
      maxHttpBufferSize: LIMITS.maxPacketBytes,
      // A cross-origin WebSocket is not stopped by CORS: every handshake, polling or WebSocket,
      // passes the same origin check as HTTP requests, refused with the code as its message.
      allowRequest: (req, callback) =>
        app.origins.allows(sourceOf(req.headers))
          ? callback(null, true)
          : callback('ORIGIN_FORBIDDEN', false),
      cors: { origin: (origin, callback) => callback(null, app.origins.isListed(origin)) },
    });
    app.decorate('io', io);
    // Pushes published while the subscriber was away are gone (SPUBLISH to nobody): once it has
    // subscribed again, this process's sessions are told to fetch what they hold afresh.
    onSubscriptionsRestored(subscriber, () => {
      const told = askLocalSessionsToResync(io);
      app.log.warn({ told }, 'push subscriber reconnected: sessions asked to resync');
    });
    // Sockets go first so that closing the HTTP server does not wait on upgraded connections.
    app.addHook('preClose', async () => {
      await io.close();
      // It only listens, so there is nothing to flush; a QUIT would wait for Redis if it is away.
      subscriber.disconnect();
    });
    app.decorate('notifier', createNotifier(visitorNamespace(io), advisorNamespace(io)));
  },
  { name: 'realtime', dependencies: ['redis', 'origin-check'] },
);
