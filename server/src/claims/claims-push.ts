import type { ClaimSummary } from '@infocig/shared';
import { ERRORS } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import { isDependencyFailure } from '../errors/dependency-failure.ts';
import type { VisitorSocket } from '../realtime/typed-sockets.ts';

export interface RetryPolicy {
  firstMs: number;
  maxMs: number;
}

/** First retry after a second, then doubling, at most every 30 s. */
export const CLAIMS_RETRY: RetryPolicy = { firstMs: 1_000, maxMs: 30_000 };

/** What a read gives when the store cannot be reached: the session goes on without it. */
export async function orWhenUnreachable<T>(read: Promise<T>, fallback: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (!isDependencyFailure(error)) throw error;
    return fallback;
  }
}

/**
 * Pushes the visitor's claims (`claims:status`). While the claims store cannot be reached the
 * session carries on without them: the visitor is told once (`claims:unavailable`), and the read is
 * tried again with backoff for as long as the socket lives, then pushed. Other failures are thrown.
 */
export async function pushClaims(
  socket: VisitorSocket,
  read: () => Promise<{ claims: ClaimSummary[]; asOf: string }>,
  log: FastifyBaseLogger,
  retry: RetryPolicy = CLAIMS_RETRY,
): Promise<void> {
  let delayMs = retry.firstMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await read();
      if (socket.connected) socket.emit('claims:status', answer);
      if (attempt > 1) log.info({ attempts: attempt }, 'claims pushed once the store was back');
      return;
    } catch (error) {
      if (!isDependencyFailure(error)) throw error;
      if (!socket.connected) return;
      if (attempt === 1) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'claims store unreachable');
        socket.emit('claims:unavailable', {
          code: 'SERVICE_UNAVAILABLE',
          message: ERRORS.SERVICE_UNAVAILABLE.message,
          retryInSeconds: Math.ceil(delayMs / 1000),
        });
      }
    }
    if (!(await pause(socket, delayMs))) return;
    delayMs = Math.min(delayMs * 2, retry.maxMs);
  }
}

/** Waits, unless the socket goes first; resolves whether it is still there. */
function pause(socket: VisitorSocket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (alive: boolean) => {
      clearTimeout(timer);
      socket.off('disconnect', gone);
      resolve(alive);
    };
    const gone = () => done(false);
    const timer = setTimeout(() => done(socket.connected), ms);
    socket.once('disconnect', gone);
  });
}
