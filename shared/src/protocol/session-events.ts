import { z } from 'zod';
import { ErrorCodeSchema } from './errors.ts';

/** Pushes about the connection itself, on both namespaces. */
export const sessionEvents = {
  /**
   * The server is about to close this socket, and why: `RATE_LIMITED` after too many refused
   * commands in a row. Reconnecting is allowed once the wait is over.
   * Example: `{ code: 'RATE_LIMITED', message: 'Too many requests; try again shortly.', retryAfterMs: 800 }`
   */
  'session:closing': z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
};
