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
 * A class, not closures: every connected socket holds one, so its methods are shared.
 */
export class SessionLifetime {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves once the socket counts among the member's sessions (and older ones were told to close). */
  readonly opened: Promise<void>;

  constructor(
    private readonly socket: SessionSocket,
    private readonly member: string,
    private readonly deps: SessionLifetimeDeps,
  ) {
    this.opened = this.record();
    this.opened.catch((err: unknown) => deps.log.error({ err }, 'session open failed'));
    socket.on('disconnect', () => this.closed());
    this.arm();
    socket.emit('session:expiry', this.expiry());
  }

  /** The `auth:refresh` command. */
  async refresh({ token }: { token: string }): Promise<SessionExpiry> {
    const data = this.socket.data as SocketData;
    data.identity = await refreshedIdentity(this.deps.verify, data.identity, token);
    this.arm();
    await this.record();
    return this.expiry();
  }

  private deadlineMs(): number {
    return (this.socket.data as SocketData).identity.expiresAt * 1000;
  }

  /** Fires at the deadline (in steps, for one beyond setTimeout's range), never synchronously. */
  private arm(): void {
    clearTimeout(this.timer);
    const left = this.deadlineMs() - Date.now();
    const delay = Math.max(0, Math.min(left, LONGEST_TIMER_MS));
    this.timer = setTimeout(SessionLifetime.atDeadline, delay, this);
  }

  private static atDeadline(lifetime: SessionLifetime): void {
    if (lifetime.deadlineMs() <= Date.now()) end(lifetime.socket, 'AUTH_TOKEN_EXPIRED');
    else lifetime.arm();
  }

  private expiry(): SessionExpiry {
    return {
      expiresAt: new Date(this.deadlineMs()).toISOString(),
      expiresInSeconds: Math.max(0, Math.floor((this.deadlineMs() - Date.now()) / 1000)),
    };
  }

  /** Not once disconnected: the close is already on its way, and nothing may outlive it. */
  private async record(): Promise<void> {
    const { socket, deps } = this;
    if (!socket.connected) return;
    const oldest = await deps.sessions.open(this.member, socket.id, this.deadlineMs(), deps.maxSockets);
    // Sockets may be held by other processes: the push and the disconnect go through the adapter.
    for (const id of oldest) {
      socket.nsp.to(id).emit('session:ended', wireError('TOO_MANY_SESSIONS'));
      socket.nsp.in(id).disconnectSockets(true);
    }
  }

  private closed(): void {
    clearTimeout(this.timer);
    const { deps } = this;
    this.opened
      .catch(() => {})
      .then(() => deps.sessions.close(this.member, this.socket.id))
      .catch((err: unknown) => deps.log.error({ err }, 'session close failed'));
  }
}

function end(socket: SessionSocket, code: SessionEndCode): void {
  socket.emit('session:ended', wireError(code));
  socket.disconnect(true);
}
