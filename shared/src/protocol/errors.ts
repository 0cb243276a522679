import { z } from 'zod';

/**
 * The one catalogue of error codes. Codes are stable: clients branch on them, never on messages.
 * `status` is the HTTP status the code maps to on REST routes.
 */
export const ERRORS = {
  AUTH_TOKEN_MISSING: { status: 401, message: 'No identity token was presented.' },
  AUTH_TOKEN_INVALID: { status: 401, message: 'The identity token is not valid.' },
  AUTH_TOKEN_EXPIRED: { status: 401, message: 'The identity token has expired.' },
  AUTH_ROLE_FORBIDDEN: { status: 403, message: 'This role may not use this service.' },
  AUTH_IDENTITY_MISMATCH: {
    status: 403,
    message: 'The new identity token is for someone else; the session keeps its old one.',
  },
  TOO_MANY_SESSIONS: {
    status: 409,
    message: 'You opened Info CIG in too many places; this older one was closed.',
  },
  PROTOCOL_VERSION_UNSUPPORTED: { status: 400, message: 'This protocol version is not supported.' },
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MESSAGE_TOO_LONG: { status: 400, message: 'The message is too long.' },
  ACCESS_FORBIDDEN: { status: 403, message: 'You may not see this data.' },
  ORIGIN_FORBIDDEN: {
    status: 403,
    message: 'This site may not use Info CIG: its address is not among those allowed to embed it.',
  },
  RIGHT_MISSING: { status: 403, message: 'Your role does not include the right this needs.' },
  ROLLOUT_CHANGED: {
    status: 409,
    message: 'The rollout plan changed since you read it; look at it again before changing it.',
  },
  CONVERSATION_NOT_FOUND: { status: 404, message: 'No such conversation.' },
  CONVERSATION_FORBIDDEN: { status: 403, message: 'This conversation is not yours.' },
  CONVERSATION_CLOSED: { status: 409, message: 'The conversation is closed.' },
  CONVERSATION_OPEN: { status: 409, message: 'The conversation is still open.' },
  ALREADY_RATED: { status: 409, message: 'You have already rated this conversation.' },
  RATING_EXPIRED: {
    status: 409,
    message: 'This conversation closed too long ago to be rated.',
  },
  ADVISOR_NOT_FOUND: { status: 404, message: 'No such advisor.' },
  TRANSFER_TARGET_UNAVAILABLE: {
    status: 409,
    message: 'That advisor cannot take the chat now (away, paused or full).',
  },
  NOT_YET_AVAILABLE: {
    status: 403,
    message: 'Info CIG is not yet available where you are.',
  },
  SERVICE_CLOSED: {
    status: 409,
    message: 'Advisors are not on duty now; you can leave a message and we will answer.',
  },
  FOLLOWUP_NOT_FOUND: { status: 404, message: 'No such open follow-up.' },
  REFERRAL_NOT_FOUND: {
    status: 404,
    message: 'No such referral open to you: unknown, another office’s, taken by a colleague, or answered.',
  },
  OFFICE_STAFF_ONLY: { status: 403, message: 'Only staff of an INPS office work its referrals.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again shortly.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** An error as it travels: in a failed ack, a connect_error's `data`, or a REST error body. */
export const WireErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** For VALIDATION_FAILED: which fields and why. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** For RATE_LIMITED: how long to wait before trying again, in milliseconds. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

export function wireError<C extends ErrorCode>(code: C, message?: string): WireError & { code: C } {
  return { code, message: message ?? ERRORS[code].message };
}
