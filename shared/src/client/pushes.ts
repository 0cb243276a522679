import type { z } from 'zod';
import { checked } from './ack.ts';

/** Pushes the shared connection handles itself (connection.ts), for every app. */
export const CONNECTION_PUSHES = [
  'session:error',
  'session:expiry',
  'session:ended',
  'session:resync',
  'session:closing',
] as const;
type ConnectionPush = (typeof CONNECTION_PUSHES)[number];

/**
 * One handler for each push of a namespace that the connection does not handle itself. A push
 * added to the protocol is a compile error in every app until the app handles it.
 */
export type AppPushHandlers<E extends Record<string, z.ZodType>> = {
  [K in Exclude<keyof E & string, ConnectionPush>]: (payload: z.output<E[K]>) => void;
};

interface Listening {
  on(event: string, listener: (payload: unknown) => void): unknown;
}

/** Listens to every push with its handler; each payload is checked against its schema first. */
export function listenToPushes<E extends Record<string, z.ZodType>>(
  socket: Listening,
  events: E,
  handlers: AppPushHandlers<E>,
): void {
  for (const [event, handle] of Object.entries(handlers) as [
    keyof E & string,
    (payload: unknown) => void,
  ][]) {
    socket.on(event, checked(event, events[event] as z.ZodType, handle));
  }
}
