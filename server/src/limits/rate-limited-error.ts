import type { WireError } from '@infocig/shared';
import { AppError } from '../errors/app-error.ts';

/** RATE_LIMITED, with how long to wait (ms) in the wire error. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterMs: number) {
    super('RATE_LIMITED');
  }

  override toWire(): WireError {
    return { ...super.toWire(), retryAfterMs: this.retryAfterMs };
  }
}
