import { z } from 'zod';
import { IsoDateSchema } from './common-dates.ts';

/**
 * When a payment is likely to arrive: a window, how sure it is, and what it is based on.
 * With confidence `high` or `medium` the window rests on recent similar cases and holds `share` in
 * 10 of their payment dates: 8 as a rule, 9 where a few whole days carry most cases (a bank
 * transfer's 1–3 working days); `pnpm calibrate` measures each promise in every regime. With `low`
 * it rests on INPS's published averages alone (too few similar cases) and is a rough guide, with no
 * share promised. `typicalDays` is how long, from entering this stage, the middle one of those
 * cases took (so a sentence like "usually about N days" agrees with the window).
 * Example: `{ from: '2026-12-03', to: '2026-12-19', confidence: 'medium', sampleSize: 46, typicalDays: 9, share: 8,
 * basis: { it: 'Tempi di 46 casi di cassa integrazione ordinaria…', en: 'Times of 46 cases of ordinary wage supplementation…' } }`
 */
export const PaymentEstimateSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  confidence: z.enum(['high', 'medium', 'low']),
  sampleSize: z.number().int().nonnegative(),
  /** Days from entering the stage to the payment, the middle case; absent from older servers. */
  typicalDays: z.number().int().nonnegative().optional(),
  /** Similar cases in 10 paid inside the window (high and medium confidence); absent from older servers. */
  share: z.number().int().min(1).max(9).optional(),
  basis: z.object({ it: z.string(), en: z.string() }),
});
export type PaymentEstimate = z.infer<typeof PaymentEstimateSchema>;
