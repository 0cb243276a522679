import { type SessionEndCode, type SessionExpiry, wireError } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import { refreshedIdentity } from '../auth/token-refresh.ts';
import type { VerifyToken } from '../auth/token-verifier.ts';
import type { Sessions } from '../presence/sessions.ts';
import type { SessionSocket, SocketData } from '../realtime/typed-sockets.ts';

export interface SessionLifetimeDeps {
  verify: VerifyToken;
  sessions: Sessions;
  /** Sockets one member may hold across every process. */
  maxSockets: number;
  log: FastifyBaseLogger;
}

/** setTimeout's longest delay; a later deadline is re-armed when it fires. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket's session lasts as long as its token: at the token's expiry the socket is told
 * `session:ended` (AUTH_TOKEN_EXPIRED) and disconnected, unless `auth:refresh` moved the deadline.
 * The member's sockets are counted across processes; past the cap the oldest is told
 * `session:ended` (TOO_MANY_SESSIONS) and disconnected, wherever it is held.
 */
export function startSessionLifetime(socket: SessionSocket, member: string, deps: SessionLifetimeDeps) {
  const { verify, sessions, maxSockets, log } = deps;
  const data = socket.data as SocketData;
  const deadlineMs = () => data.identity.expiresAt * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Fires at the deadline (in steps, for one beyond setTimeout's range), never synchronously. */
  function arm(): void {
    clearTimeout(timer);
    const left = deadlineMs() - Date.now();
    timer = setTimeout(
      () => (deadlineMs() <= Date.now() ? end(socket, 'AUTH_TOKEN_EXPIRED') : arm()),
      Math.max(0, Math.min(left, LONGEST_TIMER_MS)),
    );
  }

  const expiry = (): SessionExpiry => ({
    expiresAt: new Date(deadlineMs()).toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((deadlineMs() - Date.now()) / 1000)),
  });

  /** Sockets may be held by other processes: the push and the disconnect go through the adapter. */
  const closeOldest = (socketIds: string[]) => {
    for (const id of socketIds) {
      socket.nsp.to(id).emit('session:ended', wireError('TOO_MANY_SESSIONS'));
      socket.nsp.in(id).disconnectSockets(true);
    }
  };
  /** Not once disconnected: the close is already on its way, and nothing may outlive it. */
  const record = async () => {
    if (socket.connected) closeOldest(await sessions.open(member, socket.id, deadlineMs(), maxSockets));
  };

  const opened = record();
  opened.catch((err: unknown) => log.error({ err }, 'session open failed'));
  socket.on('disconnect', () => {
    clearTimeout(timer);
    opened
      .catch(() => {})
      .then(() => sessions.close(member, socket.id))
      .catch((err: unknown) => log.error({ err }, 'session close failed'));
  });
  arm();
  socket.emit('session:expiry', expiry());

  return {
    /** Resolves once the socket counts among the member's sessions (and older ones were told to close). */
    opened,

    /** The `auth:refresh` command. */
    async refresh({ token }: { token: string }): Promise<SessionExpiry> {
      data.identity = await refreshedIdentity(verify, data.identity, token);
      arm();
      await record();
      return expiry();
    },
  };
}

function end(socket: SessionSocket, code: SessionEndCode): void {
  socket.emit('session:ended', wireError(code));
  socket.disconnect(true);
}
