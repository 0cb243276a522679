import { type Ack, type ErrorCode, handshakeAuth } from '@infocig/shared';
import { io, type Socket } from 'socket.io-client';
import { random } from './random.ts';

type Payload<M, E extends keyof M> = M[E] extends (payload: infer P, ...rest: never[]) => void ? P : never;
type AckData<M, E extends keyof M> = M[E] extends (payload: never, ack: (res: Ack<infer R>) => void) => void
  ? R
  : never;

/** Handlers for the pushes an actor cares about; the others are ignored. */
export type PushHandlers<Server> = { [E in keyof Server]?: (payload: Payload<Server, E>) => void };

export interface LinkCounters {
  connects: number;
  /** Connections the server side dropped (the process died), as opposed to ones the test closed. */
  dropped: number;
  /** Commands sent again after a lost ack (disconnect or timeout). */
  resends: number;
  /** Commands answered SERVICE_UNAVAILABLE or INTERNAL_ERROR, and retried. */
  serverErrors: number;
}

export interface LinkOptions<Server> {
  namespace: string;
  /** A fresh token for every connection. */
  token: () => Promise<string>;
  /** The URL of a live server process to (re)connect to. */
  pickUrl: () => string;
  handlers: PushHandlers<Server>;
  counters: LinkCounters;
}

const RETRIED: ReadonlySet<ErrorCode> = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_ERROR']);
const ACK_TIMEOUT_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client's connection, reconnected by the test itself: a new socket (to any live process, with
 * a fresh token) after the test closes one or a process dies. Commands wait for a connection and
 * its `session:ready` (what that push says must not be older than what commands did), and are
 * sent again, unchanged, until the server answers them — so a resend reuses its clientMessageId.
 */
export class Link<Server extends object, Client extends object> {
  private socket: Socket | null = null;
  private reconnecting = false;
  private stopped = false;
  private waiters: (() => void)[] = [];
  private downSince: number | null = null;
  /** Whether the current socket has had its `session:ready`. */
  private sessionReady = false;
  /** Every stretch of time this client had no connection, closed ones only. */
  readonly outages: { from: number; to: number }[] = [];

  constructor(private readonly options: LinkOptions<Server>) {}

  get connected(): boolean {
    return this.socket?.connected === true;
  }

  /** How long the latest outage lasted, once over. */
  get lastOutageMs(): number {
    const last = this.outages.at(-1);
    return last ? last.to - last.from : 0;
  }

  async open(): Promise<void> {
    this.reconnecting = true;
    try {
      await this.connectSomewhere();
    } finally {
      this.reconnecting = false;
    }
  }

  /** Closes the connection and opens a new one after `downMs`; ignored while already reconnecting. */
  async bounce(downMs: number): Promise<void> {
    if (this.reconnecting || this.stopped || !this.socket) return;
    this.reconnecting = true;
    try {
      this.socket.disconnect();
      this.socket = null;
      this.downSince = Date.now();
      await sleep(downMs);
      await this.connectSomewhere();
    } finally {
      this.reconnecting = false;
    }
  }

  /** Sends a command until the server answers it; resolves with the ack, success or coded error. */
  async command<E extends keyof Client & string>(
    event: E,
    payload: unknown,
  ): Promise<Ack<AckData<Client, E>>> {
    for (;;) {
      const socket = await this.ready();
      try {
        const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<
          AckData<Client, E>
        >;
        if (ack.ok || !RETRIED.has(ack.error.code)) return ack;
        this.options.counters.serverErrors++;
        await sleep(200);
      } catch {
        this.options.counters.resends++;
        await sleep(50);
      }
    }
  }

  close(): void {
    this.stopped = true;
    this.socket?.disconnect();
    this.socket = null;
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async ready(): Promise<Socket> {
    for (;;) {
      if (this.stopped) throw new Error('link closed');
      if (this.socket?.connected && this.sessionReady) return this.socket;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private async connectSomewhere(): Promise<void> {
    while (!this.stopped) {
      let url: string;
      try {
        url = this.options.pickUrl();
      } catch {
        await sleep(200);
        continue;
      }
      const socket = io(`${url}${this.options.namespace}`, {
        transports: ['websocket'],
        auth: handshakeAuth(await this.options.token()),
        reconnection: false,
        forceNew: true,
        timeout: ACK_TIMEOUT_MS,
      });
      let sessionReady = false;
      socket.onAny((event: string, payload: unknown) => {
        const handler = this.options.handlers[event as keyof Server] as ((p: unknown) => void) | undefined;
        handler?.(payload);
        if (event === 'session:ready') {
          sessionReady = true;
          if (socket === this.socket) this.markReady();
        }
      });
      // A process killed between the WebSocket opening and the namespace's answer gives neither
      // connect nor connect_error: only a disconnect, or nothing — hence the timer.
      const accepted = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ACK_TIMEOUT_MS);
        const settle = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        socket.once('connect', () => settle(true));
        socket.once('connect_error', () => settle(false));
        socket.once('disconnect', () => settle(false));
      });
      if (!accepted) {
        socket.close();
        await sleep(100);
        continue;
      }
      if (this.stopped) {
        socket.disconnect();
        return;
      }
      this.options.counters.connects++;
      if (this.downSince !== null) this.outages.push({ from: this.downSince, to: Date.now() });
      this.downSince = null;
      socket.on('disconnect', (reason) => this.lost(socket, reason));
      this.socket = socket;
      this.sessionReady = false;
      if (sessionReady) this.markReady();
      if (!socket.connected) this.lost(socket, 'transport close');
      return;
    }
  }

  private markReady(): void {
    this.sessionReady = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The server side went away (its process was killed): reconnect elsewhere at once. */
  private lost(socket: Socket, reason: string): void {
    if (this.socket !== socket || reason === 'io client disconnect') return;
    this.options.counters.dropped++;
    this.socket = null;
    this.downSince = Date.now();
    if (this.reconnecting || this.stopped) return;
    this.reconnecting = true;
    void sleep(random() * 300)
      .then(() => this.connectSomewhere())
      .finally(() => {
        this.reconnecting = false;
      });
  }
}
