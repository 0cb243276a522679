import { ERRORS, type ErrorCode, type WireError } from '@infocig/shared';
import type { z } from 'zod';

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

/** What a client is told about any failure: the code for ours, nothing internal for the rest. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) return error.toWire();
  return { code: 'INTERNAL_ERROR', message: ERRORS.INTERNAL_ERROR.message };
}
