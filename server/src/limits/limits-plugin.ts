import { NAMESPACES } from '@infocig/shared';
import fp from 'fastify-plugin';
import { trustFunction } from '../config/trust-proxy.ts';
import { createCommandLimits } from './command-limits.ts';
import { limitHandshakesByAddress, limitHandshakesByIdentity } from './handshake-limit.ts';
import { sharedLimiter } from './limiter.ts';
import { registerRestLimit } from './rest-limit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    limits: Limits;
  }
}

/**
 * Abuse limits on every way in: REST requests, Socket.IO handshakes and socket commands. Registered
 * before the namespaces, so its handshake check and command guard run before theirs.
 */
export const limitsPlugin = fp(
  async (app) => {
    const { redis, keys, config } = app;
    const { limits } = config;
    await registerRestLimit(app);
    const byAddress = limitHandshakesByAddress(
      sharedLimiter(redis, keys.prefix, 'hs-ip', limits.handshakesPerIp),
      trustFunction(config.trustProxy),
    );
    const commands = createCommandLimits(redis, keys.prefix, limits);
    for (const name of Object.values(NAMESPACES)) {
      const nsp = app.io.of(name);
      nsp.use(byAddress);
      nsp.on('connection', (socket) => commands.guard(socket, app.log));
    }
    app.decorate('limits', {
      handshakesByIdentity: limitHandshakesByIdentity(
        sharedLimiter(redis, keys.prefix, 'hs-id', limits.handshakesPerIdentity),
      ),
    });
  },
  { name: 'limits', dependencies: ['redis', 'realtime'] },
);

export interface Limits {
  /** Socket.IO middleware counting handshakes per verified identity; register after the identity check. */
  handshakesByIdentity: ReturnType<typeof limitHandshakesByIdentity>;
}
