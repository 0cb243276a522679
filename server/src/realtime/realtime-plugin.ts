import { LIMITS, NAMESPACES } from '@infocig/shared';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createNotifier } from './notifier.ts';

/** Socket.IO on the Fastify server, shared across processes through Redis. */
export const realtimePlugin = fp(
  async (app) => {
    const { prefix } = app.keys;
    const io = new Server(app.server, {
      // Pushes reach sockets held by any server process sharing this Redis; the prefix keeps
      // deployments (and test runs) that share a Redis from hearing each other.
      adapter: createAdapter(app.redis, {
        streamName: `${prefix}:socket.io`,
        channelPrefix: `${prefix}:socket.io`,
        sessionKeyPrefix: `${prefix}:socket.io:session:`,
        onlyPlaintext: true,
      }),
      serveClient: false,
      maxHttpBufferSize: LIMITS.maxPacketBytes,
      // Same-origin in the demo; the widget host page's origin list comes with the CORS issue.
      cors: { origin: false },
    });
    app.decorate('io', io);
    // Sockets go first so that closing the HTTP server does not wait on upgraded connections.
    app.addHook('preClose', async () => {
      await io.close();
    });
    app.decorate('notifier', createNotifier(io.of(NAMESPACES.visitor), io.of(NAMESPACES.advisor)));
  },
  { name: 'realtime', dependencies: ['redis'] },
);
