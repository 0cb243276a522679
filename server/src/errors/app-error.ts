import { ERRORS, type ErrorCode, type WireError } from '@infocig/shared';
import type { z } from 'zod';
import { isDependencyFailure } from './dependency-failure.ts';

/** An error a client may see, with a stable code from the shared catalogue. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues?: WireError['issues'],
  ) {
    super(message ?? ERRORS[code].message);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toWire(): WireError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new AppError('VALIDATION_FAILED', undefined, issues);
}

/**
 * The coded error for any failure: ours as they are, an unreachable Redis or claims store as
 * SERVICE_UNAVAILABLE, anything else as INTERNAL_ERROR.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError(isDependencyFailure(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR');
}

/** What a client is told about any failure: the code for ours, nothing internal for the rest. */
export function toWireError(error: unknown): WireError {
  return toAppError(error).toWire();
}
