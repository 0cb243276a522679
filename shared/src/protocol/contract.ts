import type { z } from 'zod';
import type { WireError } from './errors.ts';

/**
 * A client-to-server event: a payload the server validates, and an ack the server always calls,
 * once, with either `{ ok: true, data }` or `{ ok: false, error }`.
 */
export interface CommandContract<P extends z.ZodType, R extends z.ZodType> {
  payload: P;
  result: R;
}

export function command<P extends z.ZodType, R extends z.ZodType>(
  payload: P,
  result: R,
): CommandContract<P, R> {
  return { payload, result };
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: WireError };
export type AckCallback<T> = (response: Ack<T>) => void;

type AnyCommands = Record<string, CommandContract<z.ZodType, z.ZodType>>;
type AnyEvents = Record<string, z.ZodType>;

/** Socket.IO's client-to-server event map, derived from a command registry. */
export type CommandEventMap<C extends AnyCommands> = {
  [K in keyof C]: (payload: z.input<C[K]['payload']>, ack: AckCallback<z.output<C[K]['result']>>) => void;
};

/** Socket.IO's server-to-client event map, derived from an event registry. */
export type PushEventMap<E extends AnyEvents> = {
  [K in keyof E]: (payload: z.output<E[K]>) => void;
};

export type CommandPayload<C extends AnyCommands, K extends keyof C> = z.output<C[K]['payload']>;
export type CommandResult<C extends AnyCommands, K extends keyof C> = z.output<C[K]['result']>;
