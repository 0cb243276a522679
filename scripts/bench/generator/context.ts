import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { Behaviour, Target } from '../ipc.ts';
import { messageText, now } from './clock.ts';
import type { Metrics, Role } from './metrics.ts';
import type { Pacer } from './pacer.ts';

/** The identity claims the portal signs (the server's IdentityClaims). */
export interface Claims {
  sub: string;
  role: 'lavoratore' | 'advisor';
  name: string;
  province?: string;
}

export type Mint = (claims: Claims) => Promise<string>;

/** What every simulated person in one generator process shares. */
export interface GeneratorContext {
  genId: number;
  localAddress: string;
  mint: Mint;
  behaviour: Behaviour;
  metrics: Metrics;
  pacer: Pacer;
  nextMessageId(): string;
}

export const ACK_TIMEOUT_MS = 30_000;

/** Whether the current behaviour streams into conversations on `target`. */
export const streamsTo = (ctx: GeneratorContext, target: Target) =>
  ctx.behaviour.kind === 'stream' && ctx.behaviour.target === target;

/**
 * A new WebSocket-only connection from this generator's own loopback address (engine.io passes
 * `localAddress` on to the WebSocket, though its types omit it), without reconnection: a drop is
 * counted, not hidden.
 */
export function socketOptions(ctx: GeneratorContext, auth: object): Partial<ManagerOptions & SocketOptions> {
  const options = {
    transports: ['websocket'],
    auth: { ...auth },
    reconnection: false,
    forceNew: true,
    timeout: 120_000,
    localAddress: ctx.localAddress,
  };
  return options;
}

/** The server's answer to a command: `{ ok, data }` or `{ ok: false, error }`. */
export interface AckResponse<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/** Sends a command and resolves with its data; rejects on an error answer or no answer. */
export function command<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: Error | null, res: AckResponse<T>) => {
      if (err) reject(new Error(`${event}: no answer in ${ACK_TIMEOUT_MS / 1000} s`));
      else if (!res.ok || res.data === undefined)
        reject(new Error(`${event}: ${res.error?.code ?? 'no data'} ${res.error?.message ?? ''}`));
      else resolve(res.data);
    });
  });
}

/**
 * Sends one bench message into a conversation: its text carries the sending time, its ack is timed,
 * and an acked (not duplicate) message is entered in the ledger for the lost-message count.
 */
export function sendMessage(
  ctx: GeneratorContext,
  socket: Socket,
  role: Role,
  conversationId: string,
  onAcked?: () => void,
): void {
  const { metrics } = ctx;
  const sentAt = now();
  metrics.counters.inflight++;
  socket
    .timeout(ACK_TIMEOUT_MS)
    .emit(
      'chat:send',
      { conversationId, clientMessageId: ctx.nextMessageId(), text: messageText(sentAt) },
      (err: Error | null, res: AckResponse<{ seq: number; duplicate: boolean }>) => {
        metrics.counters.inflight--;
        if (err || !res.ok || !res.data) {
          metrics.counters.sendErrors++;
          return;
        }
        metrics.record('ack', now() - sentAt);
        if (!res.data.duplicate) metrics.sent(role, conversationId);
        onAcked?.();
      },
    );
}
