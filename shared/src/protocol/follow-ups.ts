import { z } from 'zod';
import { AUDIENCES, ROLES } from '../domain/roles.ts';
import { IsoDateTimeSchema } from './common.ts';

export const FOLLOW_UP_KINDS = ['message', 'referral'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'taken', 'answered'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * A message left for an advisor when none could take the chat, and its answer.
 * Example: `{ id, kind: 'message', queue: 'workers', office: null, topic: 'Pagamento marzo', text: '…', createdAt, status: 'answered',
 * answer: 'Il pagamento è stato disposto il…', answeredBy: 'Paolo Romano', answeredAt }`
 */
export const FollowUpSchema = z.object({
  id: z.string(),
  /**
   * `message`: left by the person for an advisor. `referral`: an advisor passed the person's
   * question (`text`) to the INPS office that owns the claim (`office`), whose staff answer it.
   */
  kind: z.enum(FOLLOW_UP_KINDS),
  queue: z.enum(AUDIENCES),
  topic: z.string(),
  text: z.string(),
  /** The INPS office a referral went to (its name); null for a message. */
  office: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  /** `taken`: a referral that office staff are working on. */
  status: z.enum(FOLLOW_UP_STATUSES),
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
