import { z } from 'zod';
import { BENEFIT_TYPES } from '../domain/benefit-types.ts';
import { APPLICATION_STATUSES } from '../domain/statuses.ts';
import { ConversationIdSchema, FollowUpIdSchema, IsoDateTimeSchema } from './common.ts';
import { command } from './contract.ts';
import { AdvisorFollowUpSchema } from './follow-ups.ts';
import { safeText } from './safe-input.ts';
import { LIMITS } from './version.ts';

/**
 * A referral as INPS staff see it: the person's question passed by an advisor to the office of
 * competence, with the application it is about. Reading one is an audited access.
 * Example: `{ id, kind: 'referral', status: 'taken', office: 'INPS Direzione provinciale di Roma',
 * officeCode: '0580', text: 'Il pagamento di marzo risulta restituito…', openedBy: 'Paolo Romano',
 * takenBy: 'Sara Conti', claim: { applicationId, benefitType: 'CIGO', protocolNumber, … }, … }`
 */
export const ReferralSchema = AdvisorFollowUpSchema.extend({
  officeCode: z.string(),
  openedBy: z.string(),
  takenBy: z.string().nullable(),
  takenAt: IsoDateTimeSchema.nullable(),
  /** Taken by the staff member asking: they may answer it. */
  takenByYou: z.boolean(),
  /** Still unanswered when it was due (set by the overdue timer). */
  overdue: z.boolean(),
  claim: z.object({
    applicationId: z.string(),
    benefitType: z.enum(BENEFIT_TYPES).nullable(),
    status: z.enum(APPLICATION_STATUSES).nullable(),
    protocolNumber: z.string().nullable(),
    companyName: z.string().nullable(),
  }),
});
export type Referral = z.infer<typeof ReferralSchema>;

const question = safeText({ max: LIMITS.noteMaxChars, multiline: true }).min(1, 'empty question');

/** Commands on the `/advisor` namespace for referrals to the office of competence. */
export const referralCommands = {
  /**
   * Pass the person's question in a chat you hold to the INPS office that owns one of the claims
   * shown in it. The person sees it in the chat and in their follow-ups; the answer reaches them.
   * Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN, CONVERSATION_CLOSED,
   * ACCESS_FORBIDDEN (not a claim of this chat).
   * Example: `{ conversationId, applicationId, question: 'Il pagamento di marzo risulta restituito…' }` → `{ referral }`
   */
  'referral:open': command(
    z.object({ conversationId: ConversationIdSchema, applicationId: z.string().min(1).max(64), question }),
    z.object({ referral: ReferralSchema }),
  ),
  /**
   * Your office's referrals not yet answered, oldest first (an audited read of each person's data).
   * Only for staff whose identity names an office. Errors: OFFICE_STAFF_ONLY.
   * Example: `{}` → `{ referrals: [...] }`
   */
  'referral:list': command(z.object({}), z.object({ referrals: z.array(ReferralSchema) })),
  /**
   * Take an open referral of your office: colleagues see who works it. Errors: OFFICE_STAFF_ONLY,
   * REFERRAL_NOT_FOUND (unknown, another office's, or no longer open).
   * Example: `{ id }` → `{ referral }`
   */
  'referral:take': command(z.object({ id: FollowUpIdSchema }), z.object({ referral: ReferralSchema })),
  /**
   * Answer a referral of your office that is open or that you took; the answer reaches the person.
   * Errors: VALIDATION_FAILED, MESSAGE_TOO_LONG, OFFICE_STAFF_ONLY, REFERRAL_NOT_FOUND (unknown,
   * another office's, taken by a colleague, or answered).
   * Example: `{ id, text: 'Il pagamento è stato riemesso il 12 marzo.' }` → `{ referral }`
   */
  'referral:answer': command(
    z.object({ id: FollowUpIdSchema, text: safeText({ multiline: true }).min(1, 'empty message') }),
    z.object({ referral: ReferralSchema }),
  ),
};

/** Open referrals of one office, for supervisors: counts and ages only, nothing personal. */
export const OfficeReferralsSchema = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  open: z.number().int().nonnegative(),
  taken: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  oldestOpenedAt: IsoDateTimeSchema,
});
export type OfficeReferrals = z.infer<typeof OfficeReferralsSchema>;

export const ReferralsOverviewSchema = z.object({
  asOf: IsoDateTimeSchema,
  offices: z.array(OfficeReferralsSchema),
});
export type ReferralsOverview = z.infer<typeof ReferralsOverviewSchema>;
