import { type Ack, type ErrorCode, WireErrorSchema } from '../protocol/index.ts';

/** Error codes the client makes up itself, next to the server's catalogue. */
export type ClientErrorCode =
  | 'ACK_TIMEOUT'
  | 'NOT_CONNECTED'
  | 'TOKEN_UNAVAILABLE'
  | 'SERVER_DISCONNECTED'
  | 'CONNECTION_FAILED';

export interface UiError {
  code: ErrorCode | ClientErrorCode;
  message: string;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: UiError };

export const ACK_TIMEOUT_MS = 10_000;

/** An ack behind `socket.timeout(ms)`: `err` is set when no answer came in time. */
export type TimedAck<T> = (err: Error | null, response: Ack<T>) => void;

/**
 * Runs one command with an ack and a timeout, as a promise that never rejects. Usage:
 * `await command<Result>((ack) => socket.timeout(ACK_TIMEOUT_MS).emit('chat:close', payload, ack))`.
 */
export function command<T>(emit: (ack: TimedAck<T>) => void): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    emit((err, response) => {
      if (err) resolve({ ok: false, error: { code: 'ACK_TIMEOUT', message: err.message } });
      else resolve(response.ok ? response : { ok: false, error: response.error });
    });
  });
}

/** Why a connection attempt failed: the server puts `{ code, message }` in `connect_error`'s `data`. */
export function connectErrorOf(err: Error & { data?: unknown }): UiError {
  const wire = WireErrorSchema.safeParse(err.data);
  return wire.success ? wire.data : { code: 'CONNECTION_FAILED', message: err.message };
}

/** Checks a push against its schema before it reaches the state; drops (and logs) what does not fit. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export function checked<T>(event: string, parser: Parser<T>, handle: (data: T) => void) {
  return (payload: unknown) => {
    const result = parser.safeParse(payload);
    if (result.success) handle(result.data);
    else console.warn(`infocig: ignored malformed ${event}`, result.error);
  };
}
