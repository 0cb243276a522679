import { LIMITS, NAMESPACES } from '@infocig/shared';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createChatService } from '../chat/chat-service.ts';
import { createConversationRepository } from '../chat/conversation-repository.ts';
import { createAdvisorPool } from '../routing/advisor-pool.ts';
import { setUpAdvisorNamespace } from './advisor-namespace.ts';
import { createNotifier } from './notifier.ts';
import { setUpVisitorNamespace } from './visitor-namespace.ts';

/** Socket.IO on the Fastify server, with the two namespaces and the chat service behind them. */
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
    const visitors = io.of(NAMESPACES.visitor);
    const advisors = io.of(NAMESPACES.advisor);
    const pool = createAdvisorPool(app.redis, app.keys);
    const chat = createChatService({
      conversations: createConversationRepository(app.redis, app.keys, app.config.transcriptRetentionSeconds),
      pool,
      claims: app.claims,
      audit: app.audit,
      notifier: createNotifier(visitors, advisors),
      log: app.log,
    });
    setUpVisitorNamespace(visitors, app.verifyToken, chat, app.log);
    setUpAdvisorNamespace(advisors, {
      verify: app.verifyToken,
      chat,
      pool,
      defaultCapacity: app.config.advisorDefaultCapacity,
      log: app.log,
    });
    app.decorate('io', io);
    app.decorate('chat', chat);
    // Sockets go first so that closing the HTTP server does not wait on upgraded connections.
    app.addHook('preClose', async () => {
      await io.close();
    });
  },
  { name: 'realtime', dependencies: ['redis', 'store', 'auth'] },
);
