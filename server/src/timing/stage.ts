import type { ApplicationStatus, PaymentStatus } from '@infocig/shared';

/** Where a payment or an application stands: the estimate starts from there. */
export type Stage =
  | { kind: 'payment'; status: PaymentStatus }
  | { kind: 'application'; status: ApplicationStatus };
