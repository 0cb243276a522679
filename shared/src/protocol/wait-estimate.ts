import { z } from 'zod';

/**
 * How long a queued visitor is likely to wait, or why nobody can say. Never a single number: a
 * range when the queue's measured service rate and the advisors serving it now support one,
 * otherwise the plain reason there is none.
 * - `none` / `no_advisor_online`: no advisor serving this queue is available now.
 * - `none` / `no_service_rate`: advisors are available, but the queue has too few recent
 *   hand-outs to measure how fast it moves.
 * - `range`: likely between `lowSeconds` and `highSeconds` (your position × the measured time one
 *   advisor takes to free a slot ÷ the advisors available now, with the measured variability of that
 *   time, never narrower than ±30%); `advisors` is how many were counted.
 * Examples: `{ kind: 'none', reason: 'no_advisor_online' }`,
 * `{ kind: 'range', lowSeconds: 126, highSeconds: 234, advisors: 2 }`
 */
export const WaitEstimateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), reason: z.enum(['no_advisor_online', 'no_service_rate']) }),
  z.object({
    kind: z.literal('range'),
    lowSeconds: z.number().int().nonnegative(),
    highSeconds: z.number().int().nonnegative(),
    advisors: z.number().int().positive(),
  }),
]);
export type WaitEstimate = z.infer<typeof WaitEstimateSchema>;
export type NoEstimateReason = Extract<WaitEstimate, { kind: 'none' }>['reason'];
