import type { ExtendedError, Socket } from 'socket.io';
import type { SocketData } from '../realtime/handshake.ts';
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
 * refused by count, not by signature checks. The refusal is a connect_error `RATE_LIMITED`.
 */
export function limitHandshakesByAddress(limiter: Limiter): Middleware {
  return (socket, next) => {
    void limiter.take(addressKeyOf(socket.handshake.address)).then((v) => admitIf(v, next));
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
