import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { LimitsConfig } from '../config/limits-config.ts';
import type { SocketData } from '../realtime/typed-sockets.ts';
import type { RedisClient } from '../redis/connection.ts';
import { limitKeyOf } from './identity-key.ts';
import { type Limiter, localLimiter, sharedLimiter, takeAll, type Verdict } from './limiter.ts';
import { RateLimitedError } from './rate-limited-error.ts';

/**
 * Per-command limits on sockets: every command counts against its socket (in this process's
 * memory: a socket lives in one process), and the commands people could flood others with also
 * against the identity, in Redis, across all its sockets and processes.
 */
export function createCommandLimits(redis: RedisClient, prefix: string, limits: LimitsConfig) {
  const messagesPerSocket = localLimiter('msg', limits.messagesPerSocket, limits.messagesBurstPerSocket);
  const commandsPerSocket = localLimiter('cmd', limits.commandsPerSocket, limits.commandsBurstPerSocket);
  const perIdentity: Record<string, Limiter> = {
    'chat:send': sharedLimiter(
      redis,
      prefix,
      'msg',
      limits.messagesPerIdentity,
      limits.messagesBurstPerIdentity,
    ),
    'chat:typing': sharedLimiter(redis, prefix, 'typing', limits.typingPerIdentity),
    'chat:read': sharedLimiter(redis, prefix, 'read', limits.readsPerIdentity),
    'chat:request': sharedLimiter(redis, prefix, 'request', limits.chatRequestsPerIdentity),
    'followup:create': sharedLimiter(redis, prefix, 'followup', limits.followUpsPerDay),
    'referral:open': sharedLimiter(redis, prefix, 'referral', limits.referralsPerDay),
  };

  function check(socket: Socket, event: string): Promise<Verdict> {
    const local = event === 'chat:send' ? messagesPerSocket : commandsPerSocket;
    const shared = perIdentity[event];
    if (!shared) return local.take(socket.id);
    const key = limitKeyOf((socket.data as SocketData).identity);
    return takeAll([
      [local, socket.id],
      [shared, key],
    ]);
  }

  /**
   * Guards one socket. A refused command is answered RATE_LIMITED with `retryAfterMs` and goes
   * no further; the socket stays, unless it is refused `disconnectAfter` times in a row.
   */
  function guard(socket: Socket, log: FastifyBaseLogger): void {
    let refusedInARow = 0;
    socket.use((packet, next) => {
      const event = String(packet[0]);
      const last = packet.length > 1 ? packet[packet.length - 1] : undefined;
      check(socket, event)
        .then((verdict) => {
          if (verdict.allowed) {
            refusedInARow = 0;
            next();
            return;
          }
          refusedInARow++;
          const refusal = new RateLimitedError(verdict.retryAfterMs).toWire();
          if (typeof last === 'function') last({ ok: false, error: refusal });
          if (limits.disconnectAfter > 0 && refusedInARow >= limits.disconnectAfter) {
            log.warn({ event, refused: refusedInARow }, 'socket closed: kept flooding past its limits');
            socket.emit('session:closing', refusal);
            socket.disconnect(true);
          }
        })
        .catch((err: unknown) => log.error({ err, event }, 'rate limit check failed'));
    });
  }

  return { check, guard };
}

export type CommandLimits = ReturnType<typeof createCommandLimits>;
