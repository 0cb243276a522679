import {
  handshakeAuth,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@infocig/shared';
import { io, type Socket } from 'socket.io-client';
import { connectErrorOf, type UiError } from './ack.ts';
import { announce, type VisitorState } from './state.ts';
import type { Store } from './store.ts';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

export interface ConnectionOptions {
  serverUrl: string;
  /** Asked on every (re)connect, so the host page can hand over a fresh token. */
  getToken: () => Promise<string>;
}

/**
 * Opens the `/visitor` socket (not yet connected) and keeps `state.connection` in step with it.
 * `connected` is set by the session once `session:ready` arrives, not here.
 */
export function openVisitorSocket(options: ConnectionOptions, store: Store<VisitorState>): VisitorSocket {
  let retriedExpired = false;
  const socket: VisitorSocket = io(`${options.serverUrl}${NAMESPACES.visitor}`, {
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
      const next: VisitorState = { ...s, connection: { kind: 'reconnecting', attempt, lastError } };
      return wasUp ? announce(next, { kind: 'connection-lost' }) : next;
    });

  socket.on('disconnect', (reason) => {
    if (socket.active) reconnecting(0, null);
    else if (reason === 'io server disconnect') {
      fail({ code: 'SERVER_DISCONNECTED', message: reason });
    }
  });
  socket.on('connect_error', (err) => {
    const error = connectErrorOf(err);
    if (socket.active) {
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
  });
  return socket;
}
