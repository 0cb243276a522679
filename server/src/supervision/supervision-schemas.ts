import { AUDIENCES } from '@infocig/shared';
import { z } from 'zod';
import { USER_CATEGORIES } from '../figures/published-figures.ts';

const count = z.number().int().nonnegative();
const DaySchema = z.object({ day: z.iso.date(), interactions: count });
const MonthSchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), interactions: count });
/** The hour of the day in Italian time (0-23), over the whole period. */
const HourSchema = z.object({ hour: z.number().int().min(0).max(23), interactions: count });
const PercentilesSchema = z.object({ p50: z.number().nullable(), p90: z.number().nullable() });
const share = z.number().min(0).max(1).nullable();

/** One group's published figures (see figures/published-figures.ts); series hold only non-empty points. */
const SegmentFiguresSchema = z.object({
  requests: count,
  distinctPeople: count,
  perDay: z.array(DaySchema),
  perMonth: z.array(MonthSchema),
  perHour: z.array(HourSchema),
  averagePerMonth: z.number(),
  peakDay: DaySchema.nullable(),
  peakMonth: MonthSchema.nullable(),
  peakHour: HourSchema.nullable(),
  settledOnlineShare: share,
  settledWithoutAdvisorShare: share,
  waitSeconds: PercentilesSchema,
  firstResponseSeconds: PercentilesSchema,
  /** Opened in the period, and answered in it (whenever opened). */
  followUps: z.object({ opened: count, answered: count }),
  /** Chats of the period by the case outcome their advisor chose at close. */
  caseOutcomes: z.object({ settled: count, follow_up: count, referred_office: count }),
  /** Ratings of chats opened in the period (1–5 stars): how many, and their average (null: none). */
  ratings: z.object({ count, averageStars: z.number().min(1).max(5).nullable() }),
});

export const FiguresSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  total: SegmentFiguresSchema,
  byAudience: z.record(z.enum(AUDIENCES), SegmentFiguresSchema),
  /** Workers (lavoratore), employers (titolare, legale rappresentante), intermediaries (consulente). */
  byCategory: z.record(z.enum(USER_CATEGORIES), SegmentFiguresSchema),
});

export const QueueSummarySchema = z.object({
  queue: z.enum(AUDIENCES),
  waiting: z.number().int().nonnegative(),
  oldestWaitingSeconds: z.number().nullable(),
  estimatedWaitSecondsForNext: z.number().nullable(),
});
