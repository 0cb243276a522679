import { z } from 'zod';
import { AUDIENCES, ROLES } from '../domain/roles.ts';
import { IsoDateTimeSchema } from './common.ts';

/**
 * A message left for an advisor when none could take the chat, and its answer.
 * Example: `{ id, queue: 'workers', topic: 'Pagamento marzo', text: '…', createdAt, status: 'answered',
 * answer: 'Il pagamento è stato disposto il…', answeredBy: 'Paolo Romano', answeredAt }`
 */
export const FollowUpSchema = z.object({
  id: z.string(),
  queue: z.enum(AUDIENCES),
  topic: z.string(),
  text: z.string(),
  createdAt: IsoDateTimeSchema,
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: IsoDateTimeSchema.nullable(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** A follow-up as the advisor working it sees it: with who left it. */
export const AdvisorFollowUpSchema = FollowUpSchema.extend({
  visitor: z.object({ role: z.enum(ROLES), displayName: z.string(), codiceFiscale: z.string() }),
});
export type AdvisorFollowUp = z.infer<typeof AdvisorFollowUpSchema>;

/** Whether the visitor's queue is staffed now, its hours, and when it opens next if closed. */
export const ServiceStatusSchema = z.object({
  open: z.boolean(),
  /** `always`, or e.g. `mon-fri 15:00-18:00` (Italian time). */
  hours: z.string(),
  opensAt: IsoDateTimeSchema.nullable(),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;
