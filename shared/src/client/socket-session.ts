import type { Socket } from 'socket.io-client';
import { command, type Outcome, type TimedAck } from './ack.ts';
import { type ConnectionOptions, type ConnectionState, type EventMap, openSocket } from './connection.ts';
import { createStore, type Store } from './store.ts';

export interface SessionSetup<S> {
  initial: S;
  /** The namespace path, e.g. `NAMESPACES.advisor`. */
  namespace: string;
  connection: ConnectionOptions;
  /** Tells screen readers that a connection that was up has dropped. */
  announceLost: (state: S) => S;
}

/**
 * What the visitor's and the advisor's sessions share: a store that components read through
 * `useSyncExternalStore`, the socket's lifecycle, and commands that fail at once when offline.
 */
export class SocketSession<
  S extends { connection: ConnectionState; sessionEndsAt: number | null },
  Listen extends EventMap,
  Emit extends EventMap,
> {
  protected readonly store: Store<S>;
  protected readonly socket: Socket<Listen, Emit>;
  private disposed = false;

  constructor({ initial, namespace, connection, announceLost }: SessionSetup<S>) {
    this.store = createStore(initial);
    this.socket = openSocket<Listen, Emit, S>(connection, { namespace, store: this.store, announceLost });
  }

  readonly subscribe = (listener: () => void) => this.store.subscribe(listener);
  readonly getState = () => this.store.getState();
  protected update(fn: (s: S) => S) {
    this.store.setState(fn);
  }

  /** In a microtask: a mount undone at once (StrictMode in development) never opens a socket. */
  connect(): void {
    this.update((s) => ({ ...s, connection: { kind: 'connecting' } }));
    queueMicrotask(() => {
      if (!this.disposed) this.socket.connect();
    });
  }

  dispose(): void {
    this.disposed = true;
    // Stops the renewal timer with the socket; listeners go next.
    this.socket.disconnect();
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
    this.socket.disconnect();
  }

  protected call<T>(emit: (ack: TimedAck<T>) => void): Promise<Outcome<T>> {
    if (!this.socket.connected) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_CONNECTED', message: '' } });
    }
    return command<T>(emit);
  }
}
