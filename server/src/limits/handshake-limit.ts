import proxyaddr from '@fastify/proxy-addr';
import type { ExtendedError, Socket } from 'socket.io';
import type { SocketData } from '../realtime/typed-sockets.ts';
import { addressKeyOf, limitKeyOf } from './identity-key.ts';
import type { Limiter, Verdict } from './limiter.ts';
import { RateLimitedError } from './rate-limited-error.ts';

type Middleware = (socket: Socket, next: (err?: ExtendedError) => void) => void;

function admitIf(verdict: Verdict, next: (err?: ExtendedError) => void): void {
  if (verdict.allowed) {
    next();
    return;
  }
  const wire = new RateLimitedError(verdict.retryAfterMs).toWire();
  const refusal: ExtendedError = new Error(wire.code);
  refusal.data = wire;
  next(refusal);
}

/**
 * Handshakes from one address: runs before the token is checked, so a stream of bad tokens is
 * refused by count, not by signature checks. The refusal is a connect_error `RATE_LIMITED`. The
 * address is the client's as the trusted proxies report it (TRUST_PROXY), as REST counts it.
 */
export function limitHandshakesByAddress(
  limiter: Limiter,
  trust: (address: string, hop: number) => boolean,
): Middleware {
  return (socket, next) => {
    const address = proxyaddr(socket.request, trust);
    void limiter.take(addressKeyOf(address)).then((v) => admitIf(v, next));
  };
}

/** Handshakes of one identity (reload loops, scripted reconnects): runs once the token is verified. */
export function limitHandshakesByIdentity(limiter: Limiter): Middleware {
  return (socket, next) => {
    const { identity } = socket.data as Partial<SocketData>;
    if (!identity) {
      next();
      return;
    }
    void limiter.take(limitKeyOf(identity)).then((v) => admitIf(v, next));
  };
}
