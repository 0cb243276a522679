import type { Socket } from 'socket.io-client';
import type { Ack } from '../protocol/index.ts';
import { ACK_TIMEOUT_MS, command, type Outcome, type TimedAck } from './ack.ts';
import {
  type ConnectionOptions,
  type ConnectionState,
  type EventMap,
  openSocket,
  reconnectSoon,
} from './connection.ts';
import { type ChannelHost, ConversationChannel } from './conversation-channel.ts';
import { MissedWatch } from './missed-watch.ts';
import { createStore, type Store } from './store.ts';

export interface SessionSetup<S> {
  initial: S;
  /** The namespace path, e.g. `NAMESPACES.advisor`. */
  namespace: string;
  connection: ConnectionOptions;
  /** Tells screen readers that a connection that was up has dropped. */
  announceLost: (state: S) => S;
}

/** The payload a command of an event map takes. */
type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;
/** What a command of an event map answers with, when it succeeds. */
type ResultOf<F> = F extends (payload: never, ack: (response: Ack<infer R>) => void) => void ? R : never;

/** What a part of a session (claims, chat, …) works through: the one store and the one socket's commands. */
export interface SessionCore<S, Emit extends EventMap> {
  getState(): S;
  update(fn: (s: S) => S): void;
  command<E extends keyof Emit & string>(
    event: E,
    payload: PayloadOf<Emit[E]>,
  ): Promise<Outcome<ResultOf<Emit[E]>>>;
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
  private readonly channels: ConversationChannel[] = [];
  private readonly missed = new MissedWatch(() => this.resync());

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
    for (const channel of this.channels) channel.dispose();
    this.missed.stop();
    // Stops the renewal timer with the socket; listeners go next.
    this.socket.disconnect();
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
    this.socket.disconnect();
  }

  /** Sets the session up again, so that the server hands everything over afresh. */
  protected resync(): void {
    if (!this.disposed) reconnectSoon(this.socket as Socket);
  }

  /** A push suggests pushes were missed: resync unless `stillMissing` is false after a grace period. */
  protected suspectMissed(stillMissing: () => boolean): void {
    this.missed.suspect(stillMissing);
  }

  /** The store and commands, for the parts a session is made of. */
  protected readonly core: SessionCore<S, Emit> = {
    getState: () => this.getState(),
    update: (fn) => this.update(fn),
    command: (event, payload) => this.command(event, payload),
  };

  /** Sends a command by name, its payload and answer typed by the protocol; never rejects. */
  protected command<E extends keyof Emit & string>(
    event: E,
    payload: PayloadOf<Emit[E]>,
  ): Promise<Outcome<ResultOf<Emit[E]>>> {
    return this.call<ResultOf<Emit[E]>>((ack) => {
      // Socket.IO cannot relate a payload to a name chosen by a type parameter; the signature does.
      const emitter = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emit(event: string, payload: unknown, ack: TimedAck<ResultOf<Emit[E]>>): void;
      };
      emitter.emit(event, payload, ack);
    });
  }

  /**
   * The message path of this session's conversations (see `ConversationChannel`). Both namespaces
   * carry the same chat commands (protocol/chat-commands.ts), so one channel serves either app.
   */
  protected conversationChannel(host: Omit<ChannelHost, 'commands' | 'connected'>): ConversationChannel {
    const command = this.command.bind(this) as unknown as <T>(name: string, payload: unknown) => Promise<T>;
    const channel = new ConversationChannel({
      ...host,
      connected: () => this.getState().connection.kind === 'connected',
      commands: {
        send: (payload) => command('chat:send', payload),
        history: (payload) => command('chat:history', payload),
        read: (payload) => command('chat:read', payload),
        typing: (payload) => command('chat:typing', payload),
      },
    });
    this.channels.push(channel);
    return channel;
  }

  /** Runs a command; an answer that never came means the session may be stale, so it resyncs. */
  protected async call<T>(emit: (ack: TimedAck<T>) => void): Promise<Outcome<T>> {
    if (!this.socket.connected) return { ok: false, error: { code: 'NOT_CONNECTED', message: '' } };
    const outcome = await command<T>(emit);
    if (!outcome.ok && outcome.error.code === 'ACK_TIMEOUT') this.resync();
    return outcome;
  }
}
