import { z } from 'zod';

/**
 * Who has to do something next for a claim or payment to move on: INPS, the employer, the worker, or
 * the Ministry of Labour (CIGS, decided by decree). 'none': nobody — the matter is settled.
 */
export const NEXT_ACTORS = ['inps', 'ministry', 'employer', 'worker', 'none'] as const;
export type NextActor = (typeof NEXT_ACTORS)[number];

/**
 * A plain explanation of where something stands, in Italian and English, who acts next, and by
 * when where a rule sets a date.
 * Example: `{ it: 'INPS attende…', en: 'INPS is waiting…', nextActor: 'employer', actBy: '2026-12-31' }`
 */
export const GuidanceSchema = z.object({
  it: z.string(),
  en: z.string(),
  nextActor: z.enum(NEXT_ACTORS),
  actBy: z.iso.date().nullable(),
});
export type Guidance = z.infer<typeof GuidanceSchema>;
