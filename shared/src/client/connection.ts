import { io, type Socket } from 'socket.io-client';
import {
  handshakeAuth,
  type SessionExpiry,
  SessionExpirySchema,
  sessionEvents,
  WireErrorSchema,
} from '../protocol/index.ts';
import { ACK_TIMEOUT_MS, checked, command, connectErrorOf, type Outcome, type UiError } from './ack.ts';
import { SessionRenewal } from './session-renewal.ts';
import type { Store } from './store.ts';

export type ConnectionState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; lastError: UiError | null }
  /** The server is up but a part it needs is not (SERVICE_UNAVAILABLE): trying again by itself. */
  | { kind: 'unavailable'; retryInSeconds: number }
  | { kind: 'error'; error: UiError };

/** Waits between attempts while the service is unavailable: 2 s, doubling, at most 30 s. */
export const UNAVAILABLE_RETRY = { firstMs: 2_000, maxMs: 30_000 };
/** Reconnections asked by `session:resync` are spread over this long. */
const RESYNC_SPREAD_MS = 3_000;

export interface ConnectionOptions {
  serverUrl: string;
  /**
   * Asked on every (re)connect, so the host page or the sign-in can hand over a fresh token, and
   * shortly before the session's token expires, to renew it: return one that lasts longer.
   */
  getToken: () => Promise<string>;
}

/** A Socket.IO event map, as the shared protocol derives them (`VisitorServerEvents`, ...). */
export type EventMap = Record<string, (...args: never[]) => void>;

export interface SocketSetup<S> {
  /** The namespace path, e.g. `NAMESPACES.visitor`. */
  namespace: string;
  store: Store<S>;
  /** Tells screen readers that a connection that was up has dropped. */
  announceLost: (state: S) => S;
}

/**
 * Opens the socket (not yet connected) and keeps `state.connection` in step with it.
 * `connected` is set by the session once `session:ready` arrives, not here.
 */
export function openSocket<
  Listen extends EventMap,
  Emit extends EventMap,
  S extends { connection: ConnectionState; sessionEndsAt: number | null },
>(options: ConnectionOptions, { namespace, store, announceLost }: SocketSetup<S>): Socket<Listen, Emit> {
  let retriedExpired = false;
  // Untyped here: only reserved events and `session:ready`/`session:error`, which every namespace
  // sends, are used.
  const socket = io(`${options.serverUrl}${namespace}`, {
    autoConnect: false,
    transports: ['websocket'],
    auth: (cb) => {
      options.getToken().then(
        (token) => cb(handshakeAuth(token)),
        (err: unknown) => {
          fail({ code: 'TOKEN_UNAVAILABLE', message: err instanceof Error ? err.message : String(err) });
          socket.disconnect();
        },
      );
    },
  });

  const fail = (error: UiError) => store.setState((s) => ({ ...s, connection: { kind: 'error', error } }));
  const reconnecting = (attempt: number, lastError: UiError | null) =>
    store.setState((s) => {
      const wasUp = s.connection.kind === 'connected';
      const next: S = { ...s, connection: { kind: 'reconnecting', attempt, lastError } };
      return wasUp ? announceLost(next) : next;
    });

  // A session the server could not set up says why (`session:error`) before it disconnects; with
  // SERVICE_UNAVAILABLE the client comes back by itself, calmly, after a pause that grows.
  let sessionError: UiError | null = null;
  let retryMs = UNAVAILABLE_RETRY.firstMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryLater = () => {
    clearTimeout(retryTimer);
    store.setState((s) => ({
      ...s,
      connection: { kind: 'unavailable', retryInSeconds: Math.round(retryMs / 1000) },
    }));
    // A disposed session has dropped every listener, this one included: it must not reconnect.
    retryTimer = setTimeout(() => {
      if (socket.hasListeners('session:error')) socket.connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, UNAVAILABLE_RETRY.maxMs);
  };
  const onSessionError = (payload: unknown) => {
    const wire = WireErrorSchema.safeParse(payload);
    sessionError = wire.success ? wire.data : null;
  };
  socket.on('session:error', onSessionError);

  /** Why the server ended the session, when it said so before disconnecting. */
  let ended: UiError | null = null;
  const renewal = new SessionRenewal({
    getToken: options.getToken,
    send: (token) => refresh(socket, token),
    onTrouble: (endsAt) => store.setState((s) => ({ ...s, sessionEndsAt: endsAt })),
  });
  socket.on(
    'session:expiry',
    checked('session:expiry', SessionExpirySchema, (e) => {
      ended = null;
      store.setState((s) => ({ ...s, sessionEndsAt: null }));
      renewal.expiresIn(e.expiresInSeconds);
    }),
  );
  socket.on(
    'session:ended',
    checked('session:ended', sessionEvents['session:ended'], (e) => {
      renewal.stop();
      ended = e;
    }),
  );

  // Pushes may have been missed: a new session set-up hands everything over again. A random pause
  // spreads the reconnections of everyone the server held.
  socket.on('session:resync', () => reconnectSoon(socket, RESYNC_SPREAD_MS));

  // The server closes a socket that kept sending after being refused (RATE_LIMITED), saying how
  // long to wait: the session comes back by itself after that wait, not as a failure.
  let closing: { retryAfterMs?: number | undefined } | null = null;
  socket.on(
    'session:closing',
    checked('session:closing', sessionEvents['session:closing'], (e) => {
      closing = e;
    }),
  );

  socket.on('disconnect', (reason) => {
    renewal.stop();
    if (socket.active) reconnecting(0, null);
    else if (reason === 'io server disconnect') {
      store.setState((s) => ({ ...s, sessionEndsAt: null }));
      if (closing) {
        retryMs = Math.max(retryMs, closing.retryAfterMs ?? 0);
        retryLater();
      } else if (sessionError?.code === 'SERVICE_UNAVAILABLE') retryLater();
      else fail(sessionError ?? ended ?? { code: 'SERVER_DISCONNECTED', message: reason });
      sessionError = null;
      closing = null;
    }
  });
  socket.on('connect_error', (err) => {
    const error = connectErrorOf(err);
    if (error.code === 'SERVICE_UNAVAILABLE' && !socket.active) retryLater();
    else if (socket.active) {
      const s = store.getState().connection;
      reconnecting(s.kind === 'reconnecting' ? s.attempt : 0, error);
    } else if (error.code === 'AUTH_TOKEN_EXPIRED' && !retriedExpired) {
      // The host handed over a stale token; ask once more before giving up.
      retriedExpired = true;
      setTimeout(() => socket.connect(), 1000);
    } else fail(error);
  });
  socket.io.on('reconnect_attempt', (attempt) => {
    const s = store.getState().connection;
    reconnecting(attempt, s.kind === 'reconnecting' ? s.lastError : null);
  });
  socket.on('session:ready', () => {
    retriedExpired = false;
    retryMs = UNAVAILABLE_RETRY.firstMs;
  });
  return socket;
}

/**
 * Sets the session up again after a random pause of up to `spreadMs`: the server's `session:ready`
 * and `chat:history` hand everything over afresh, whatever pushes were missed.
 */
export function reconnectSoon(socket: Socket, spreadMs = 0): void {
  setTimeout(() => {
    if (!socket.connected) return;
    socket.disconnect();
    socket.connect();
  }, Math.random() * spreadMs);
}

/** `auth:refresh` on a socket whose event map this module does not know; the answer is checked. */
async function refresh(socket: Socket, token: string): Promise<Outcome<SessionExpiry>> {
  const out = await command<unknown>((ack) =>
    socket.timeout(ACK_TIMEOUT_MS).emit('auth:refresh', { token }, ack),
  );
  if (!out.ok) return out;
  const expiry = SessionExpirySchema.safeParse(out.data);
  return expiry.success
    ? { ok: true, data: expiry.data }
    : { ok: false, error: { code: 'CONNECTION_FAILED', message: 'malformed auth:refresh answer' } };
}
