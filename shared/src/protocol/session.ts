import { z } from 'zod';
import { IsoDateTimeSchema } from './common-dates.ts';
import { command } from './contract.ts';
import { ErrorCodeSchema } from './errors.ts';

/**
 * Until when the session holds: the server ends it then unless `auth:refresh` moved it.
 * `expiresInSeconds` is counted on the server's clock, so a client with a skewed clock can still
 * schedule its refresh. Example: `{ expiresAt: '2026-11-22T16:02:11.000Z', expiresInSeconds: 3600 }`
 */
export const SessionExpirySchema = z.object({
  expiresAt: IsoDateTimeSchema,
  expiresInSeconds: z.number().int().nonnegative(),
});
export type SessionExpiry = z.infer<typeof SessionExpirySchema>;

/** Why the server ended a session; each is also an error code of the catalogue. */
export const SESSION_END_CODES = ['AUTH_TOKEN_EXPIRED', 'TOO_MANY_SESSIONS'] as const;
export type SessionEndCode = (typeof SESSION_END_CODES)[number];

/** Commands both namespaces accept about the session itself. */
export const sessionCommands = {
  /**
   * Renew the session before its token expires, with a fresh portal token for the same person
   * (same `sub`, role and identity claims). The session then lasts until the new token's `exp`;
   * when refused, it keeps its old deadline. Errors: VALIDATION_FAILED, AUTH_TOKEN_INVALID (the
   * token does not verify, or has already expired), AUTH_IDENTITY_MISMATCH (another person's).
   * Example: `{ token: 'eyJhbGciOiJFUzI1NiJ9…' }` → `{ expiresAt, expiresInSeconds: 3600 }`
   */
  'auth:refresh': command(z.object({ token: z.string().min(1).max(8192) }), SessionExpirySchema),
};

/** Pushes both namespaces send about the session itself. */
export const sessionEvents = {
  /** Right after connecting: when this session ends unless refreshed. */
  'session:expiry': SessionExpirySchema,
  /**
   * The server is ending this session and disconnects it next: its token expired unrefreshed
   * (`AUTH_TOKEN_EXPIRED`), or the same person opened more sessions than allowed and this was the
   * oldest (`TOO_MANY_SESSIONS`). Example: `{ code: 'TOO_MANY_SESSIONS', message: '…' }`
   */
  'session:ended': z.object({ code: z.enum(SESSION_END_CODES), message: z.string() }),
  /**
   * The server is about to close this socket, and why: `RATE_LIMITED` after too many refused
   * commands in a row. Reconnecting is allowed once the wait is over.
   * Example: `{ code: 'RATE_LIMITED', message: 'Too many requests; try again shortly.', retryAfterMs: 800 }`
   */
  /**
   * Pushes to this session may have been missed (the server's link to the other processes
   * dropped and was taken again): reconnect, and the session set-up hands over everything held,
   * history included. Example: `{ reason: 'pushes_interrupted' }`
   */
  'session:resync': z.object({ reason: z.enum(['pushes_interrupted']) }),
  'session:closing': z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
};
