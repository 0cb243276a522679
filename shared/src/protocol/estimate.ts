import { z } from 'zod';
import { IsoDateSchema } from './common-dates.ts';

/**
 * When a payment is likely to arrive: an 80% window (about 8 in 10 similar payments fell inside
 * it), how sure that is, and what it is based on.
 * Example: `{ from: '2026-12-03', to: '2026-12-19', confidence: 'medium', sampleSize: 46,
 * basis: { it: 'Tempi di 46 casi di cassa integrazione ordinaria…', en: 'Times of 46 cases of ordinary wage supplementation…' } }`
 */
export const PaymentEstimateSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  confidence: z.enum(['high', 'medium', 'low']),
  sampleSize: z.number().int().nonnegative(),
  basis: z.object({ it: z.string(), en: z.string() }),
});
export type PaymentEstimate = z.infer<typeof PaymentEstimateSchema>;
