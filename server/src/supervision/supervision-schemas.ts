import { AUDIENCES } from '@infocig/shared';
import { z } from 'zod';

const MonthSchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), interactions: z.number().int() });
const PercentilesSchema = z.object({ p50: z.number().nullable(), p90: z.number().nullable() });

/** One audience's published figures (see figures/published-figures.ts). */
const AudienceFiguresSchema = z.object({
  requests: z.number().int(),
  distinctPeople: z.number().int(),
  perMonth: z.array(MonthSchema),
  averagePerMonth: z.number(),
  peakMonth: MonthSchema.nullable(),
  settledOnlineShare: z.number().nullable(),
  settledWithoutAdvisorShare: z.number().nullable(),
  waitSeconds: PercentilesSchema,
  firstResponseSeconds: PercentilesSchema,
});

export const FiguresSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  byAudience: z.partialRecord(z.enum(AUDIENCES), AudienceFiguresSchema),
});

export const QueueSummarySchema = z.object({
  queue: z.enum(AUDIENCES),
  waiting: z.number().int().nonnegative(),
  oldestWaitingSeconds: z.number().nullable(),
  estimatedWaitSecondsForNext: z.number().nullable(),
});
