import { z } from 'zod';
import { IsoDateTimeSchema } from './common-dates.ts';

/** One read of a person's data, as the person sees it in their access log. */
export const AccessLogEntrySchema = z.object({
  at: IsoDateTimeSchema,
  actorName: z.string(),
  actorRole: z.string(),
  what: z.string(),
  purpose: z.string(),
  outcome: z.enum(['granted', 'refused']),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;
