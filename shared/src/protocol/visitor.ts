import { z } from 'zod';
import { chatCommands, chatEvents } from './chat-commands.ts';
import {
  ClaimSummarySchema,
  ConversationIdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  SessionIdentitySchema,
  VisitorConversationSchema,
} from './common.ts';
import { type CommandEventMap, command, type PushEventMap } from './contract.ts';
import { FollowUpSchema, ServiceStatusSchema } from './follow-ups.ts';
import { KeptConversationSchema, keepsCommands } from './keeps.ts';
import { AccessLogEntrySchema } from './privacy.ts';
import { safeId, safeText } from './safe-input.ts';
import { sessionCommands, sessionEvents } from './session.ts';
import { LIMITS } from './version.ts';
import { WaitEstimateSchema } from './wait-estimate.ts';

/** Commands the widget sends on the `/visitor` namespace. */
export const visitorCommands = {
  ...chatCommands,
  ...sessionCommands,
  ...keepsCommands,
  /**
   * Ask for an advisor. Opens a conversation and queues it; if the visitor already has an open
   * one, that one is returned instead (so a double click opens one chat).
   * Errors: VALIDATION_FAILED.
   * Example: `{ topic: 'CIGO marzo, non ancora pagata' }` →
   * `{ conversation: { id, status: 'queued', position: 3, lastSeq: 0, openedAt } }`
   */
  'chat:request': command(
    z.object({
      topic: safeText({ max: LIMITS.topicMaxChars }).default(''),
      /** Which company the question is about: required for intermediaries, optional for owners. */
      companyCf: z
        .string()
        .regex(/^\d{11}$/)
        .optional(),
      /** Which application the question is about, if one (from `claims:status`). */
      applicationId: safeId(64, 'not an application id').optional(),
    }),
    z.object({ conversation: VisitorConversationSchema }),
  ),
  /**
   * A company's claims, for an owner or legal representative (their own company) or an
   * intermediary (a company whose delegation is active now). Errors: VALIDATION_FAILED,
   * ACCESS_FORBIDDEN (recorded in the access audit), NOT_YET_AVAILABLE.
   * Example: `{ companyCf: '04987650159' }` → `{ claims: [...], asOf }`
   */
  'claims:company': command(
    z.object({ companyCf: z.string().regex(/^\d{11}$/) }),
    z.object({ claims: z.array(ClaimSummarySchema), asOf: IsoDateTimeSchema }),
  ),
  /**
   * Read the visitor's claims again (they are also pushed once at connect as `claims:status`).
   * Example: `{}` → `{ claims: [...], asOf }`
   */
  /**
   * Leave a message for an advisor — outside service hours, or instead of waiting. With the id of
   * your queued conversation, that conversation leaves the queue. The answer comes as
   * `followup:answered` (and in `session:ready` later). Errors: VALIDATION_FAILED, MESSAGE_TOO_LONG.
   * Example: `{ topic: 'CIGO marzo', text: 'Non ho ricevuto il pagamento di marzo.' }` → `{ followUp }`
   */
  'followup:create': command(
    z.object({
      topic: safeText({ max: LIMITS.topicMaxChars }).default(''),
      text: safeText({ multiline: true }).min(1, 'empty message'),
      conversationId: ConversationIdSchema.optional(),
    }),
    z.object({ followUp: FollowUpSchema }),
  ),
  /** Your recent follow-ups, newest first. Example: `{}` → `{ followUps: [...] }` */
  'followup:list': command(z.object({}), z.object({ followUps: z.array(FollowUpSchema) })),
  /**
   * Who has read your data: each read by INPS staff (and each refused attempt), newest first.
   * Example: `{}` → `{ entries: [{ at, actorName: 'Paolo Romano', actorRole: 'advisor', what: 'claims,transcript', purpose: 'assigned chat', outcome: 'granted' }] }`
   */
  'privacy:access-log': command(z.object({}), z.object({ entries: z.array(AccessLogEntrySchema) })),
  'claims:get': command(
    z.object({}),
    z.object({ claims: z.array(ClaimSummarySchema), asOf: IsoDateTimeSchema }),
  ),
};

/**
 * Whether the service has reached you yet (workers by province of residence, employers by the
 * company's legal seat), and from when if planned.
 */
export const AdmissionSchema = z.object({ admitted: z.boolean(), availableFrom: IsoDateSchema.nullable() });

/**
 * A company you act for, with whether the rollout covers it and, when not yet but a date is
 * planned, from when (`availableFrom`; absent from servers before it).
 */
export const VisitorCompanySchema = z.object({
  cf: z.string(),
  name: z.string(),
  province: z.string(),
  admitted: z.boolean(),
  availableFrom: IsoDateSchema.nullable().optional(),
});

/** Pushes the widget receives on the `/visitor` namespace. */
export const visitorEvents = {
  ...chatEvents,
  ...sessionEvents,
  /**
   * First thing after connecting: who the server says you are, and your open conversation if any
   * (join it by resuming with `chat:history` from the last `seq` you saw).
   */
  'session:ready': z.object({
    protocolVersion: z.number().int(),
    identity: SessionIdentitySchema,
    conversation: VisitorConversationSchema.nullable(),
    /**
     * Your most recent closed conversation, while retention keeps it and until you dismiss it
     * (`chat:dismiss`); null when there is none. Absent from servers before it.
     */
    closedConversation: KeptConversationSchema.nullable().optional(),
    /**
     * Whether the service has reached you yet (workers by province of residence, employers by the
     * company's legal seat), and from when if planned. When not admitted, nothing else is offered:
     * claims, chats and follow-ups answer NOT_YET_AVAILABLE.
     */
    admission: AdmissionSchema,
    /** Whether advisors are on duty for your queue now; outside hours, leave a follow-up. */
    service: ServiceStatusSchema,
    /** Your recent follow-ups with their answers, newest first. */
    followUps: z.array(FollowUpSchema),
    /**
     * The companies you act for: an owner's or legal representative's own; an intermediary's
     * delegating companies (active delegations), each with whether the rollout covers it.
     */
    companies: z.array(VisitorCompanySchema),
  }),
  /**
   * The rollout plan changed and, with it, whether the service reaches you (or which of your
   * companies it covers). Sent only when something you were told changed, within about a second of
   * the change, on whichever process you are connected to. Admitted now: `claims:status` follows.
   * No longer admitted: claims, chats and follow-ups answer NOT_YET_AVAILABLE from now on.
   * Example: `{ admission: { admitted: true, availableFrom: null }, companies: [] }`
   */
  'admission:changed': z.object({
    admission: AdmissionSchema,
    companies: z.array(VisitorCompanySchema),
  }),
  /** The status of your claims from the claims store, sent at connect before any advisor. */
  'claims:status': z.object({ claims: z.array(ClaimSummarySchema), asOf: IsoDateTimeSchema }),
  /**
   * The claims store cannot be reached: your session works (chat included) without claims for now,
   * and `claims:status` follows by itself once the store is back.
   * Example: `{ code: 'SERVICE_UNAVAILABLE', message: '…', retryInSeconds: 2 }`
   */
  'claims:unavailable': z.object({
    code: z.literal('SERVICE_UNAVAILABLE'),
    message: z.string(),
    /** When the server tries again. */
    retryInSeconds: z.number().int().nonnegative(),
  }),
  /**
   * Your place in the queue or the wait estimate changed (1 = next), also when advisors serving
   * your queue come, go or pause. `estimate` is a range from the queue's measured service rate and
   * the advisors available now, or says plainly why there is none (see `WaitEstimateSchema`).
   * Example: `{ conversationId, position: 3, estimate: { kind: 'none', reason: 'no_advisor_online' },
   * estimatedWaitSeconds: null }`
   */
  'queue:position': z.object({
    conversationId: ConversationIdSchema,
    position: z.number().int().positive(),
    estimate: WaitEstimateSchema,
    /** Deprecated, for clients before `estimate`: its `highSeconds` when it is a range, else null. */
    estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
  }),
  /**
   * Your conversation went back to the queue, ahead of newer chats: its advisor left and did not
   * return in time, or handed it to another queue or advisor. History and messages stay.
   */
  'chat:requeued': z.object({
    conversationId: ConversationIdSchema,
    reason: z.enum(['advisor_left', 'transferred']),
  }),
  /** You have waited long: you may leave a follow-up instead (`followup:create` with this conversation). */
  'queue:followup-offered': z.object({ conversationId: ConversationIdSchema }),
  /** An advisor answered your follow-up, or the INPS office your referral. */
  'followup:answered': FollowUpSchema,
  /** A follow-up of yours changed before its answer: a referral opened for you, or taken by the office. */
  'followup:updated': FollowUpSchema,
  /** An advisor took your conversation. */
  'chat:assigned': z.object({
    conversationId: ConversationIdSchema,
    advisorName: z.string(),
    /** Present when the previous advisor handed the chat straight to this one. */
    reason: z.literal('transferred').optional(),
  }),
};

export type VisitorClientEvents = CommandEventMap<typeof visitorCommands>;
export type VisitorServerEvents = PushEventMap<typeof visitorEvents>;
