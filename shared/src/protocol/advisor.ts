import { z } from 'zod';
import { AUDIENCES, ROLES } from '../domain/roles.ts';
import { CannedReplyDraftSchema, CannedReplyIdSchema, CannedReplySchema } from './canned-replies.ts';
import { CaseOutcomeSchema, chatCommands, chatEvents } from './chat-commands.ts';
import {
  ChatMessageSchema,
  ClaimSummarySchema,
  ConversationIdSchema,
  FollowUpIdSchema,
  IsoDateTimeSchema,
  SeqSchema,
  SessionIdentitySchema,
} from './common.ts';
import { type CommandEventMap, command, type PushEventMap } from './contract.ts';
import { AdvisorFollowUpSchema } from './follow-ups.ts';
import { referralCommands } from './referrals.ts';
import { AdvisorIdSchema, safeText } from './safe-input.ts';
import { sessionCommands, sessionEvents } from './session.ts';
import { LIMITS } from './version.ts';

export const AdvisorAvailabilitySchema = z.enum(['available', 'paused']);
export type AdvisorAvailability = z.infer<typeof AdvisorAvailabilitySchema>;

/** The queues an advisor serves (at least one, no repeats) and how many chats they hold at most. */
export const AdvisorSettingsSchema = z.object({
  queues: z
    .array(z.enum(AUDIENCES))
    .min(1)
    .refine((q) => new Set(q).size === q.length, 'queues repeat'),
  capacity: z.number().int().min(1).max(10),
});

/** An advisor as the pool sees them. Example: `{ availability: 'available', queues: ['workers'], capacity: 3, activeChats: 1 }` */
export const AdvisorProfileSchema = AdvisorSettingsSchema.extend({
  availability: z.enum(['available', 'paused', 'offline']),
  activeChats: z.number().int().nonnegative(),
});
export type AdvisorProfile = z.infer<typeof AdvisorProfileSchema>;

/** An advisors' internal note on a chat: never shown to the person. Example: `{ authorName: 'Luca Bianchi', text: 'Ha già inviato l’SR41', at: '…' }` */
export const InternalNoteSchema = z.object({
  authorName: z.string(),
  text: z.string(),
  at: IsoDateTimeSchema,
});
export type InternalNote = z.infer<typeof InternalNoteSchema>;

/**
 * A conversation as the advisor holding it sees it: who the visitor is (from their verified
 * token), their claims, and the history so far. Reading it is an audited access to personal data.
 */
export const AssignedConversationSchema = z.object({
  id: ConversationIdSchema,
  queue: z.enum(AUDIENCES),
  topic: z.string(),
  openedAt: IsoDateTimeSchema,
  assignedAt: IsoDateTimeSchema,
  visitor: z.object({
    role: z.enum(ROLES),
    displayName: z.string(),
    codiceFiscale: z.string(),
    province: z.string().optional(),
    companyName: z.string().optional(),
  }),
  /** What the visitor said the question is about: a company (employers, intermediaries) and/or an application. */
  subject: z.object({
    companyCf: z.string().optional(),
    companyName: z.string().optional(),
    applicationId: z.string().optional(),
  }),
  claims: z.array(ClaimSummarySchema),
  messages: z.array(ChatMessageSchema),
  /** How far each side has read. */
  readUpTo: z.object({ visitor: SeqSchema, advisor: SeqSchema }),
  /** Internal notes between advisors (`chat:note`, transfers), oldest first; never shown to the visitor. */
  notes: z.array(InternalNoteSchema),
});
export type AssignedConversation = z.infer<typeof AssignedConversationSchema>;

/** Commands the console sends on the `/advisor` namespace. */
export const advisorCommands = {
  ...chatCommands,
  ...sessionCommands,
  ...referralCommands,
  /**
   * Close a chat you hold, saying how the case ended: `settled` in the chat, `follow_up` opened,
   * or `referred_office` (sent to the INPS office). `outcome` is required here. Both sides receive
   * `chat:closed`. Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId, outcome: 'settled' }` → `{}`
   */
  'chat:close': command(
    z.object({ conversationId: ConversationIdSchema, outcome: CaseOutcomeSchema }),
    z.object({}),
  ),
  /**
   * Become available for new chats, or pause (chats you hold stay yours).
   * Errors: VALIDATION_FAILED.
   * Example: `{ availability: 'available' }` → `{ availability: 'available', activeChats: 0 }`
   */
  'advisor:availability': command(
    z.object({ availability: AdvisorAvailabilitySchema }),
    z.object({ availability: AdvisorAvailabilitySchema, activeChats: z.number().int().nonnegative() }),
  ),
  /**
   * Choose the queues you serve and your capacity (maximum concurrent chats). Lowering capacity
   * below the chats you hold keeps them; you get new ones once below it. Errors: VALIDATION_FAILED.
   * Example: `{ queues: ['workers'], capacity: 2 }` → `{ availability: 'available', queues: ['workers'], capacity: 2, activeChats: 0 }`
   */
  'advisor:settings': command(AdvisorSettingsSchema, AdvisorProfileSchema),
  /**
   * Hand a chat you hold to another queue (it goes ahead of newer chats there) or straight to a
   * colleague with a free slot, with an internal note the visitor never sees. The history goes
   * along. A colleague is named by the opaque `advisorId` of `advisors:list`. Errors:
   * VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN, TRANSFER_TARGET_UNAVAILABLE.
   * Example: `{ conversationId, to: { queue: 'employers' }, note: 'Domanda sulla matricola' }` → `{}`
   */
  'chat:transfer': command(
    z.object({
      conversationId: ConversationIdSchema,
      to: z.union([
        z.object({ queue: z.enum(AUDIENCES) }).strict(),
        z.object({ advisorId: AdvisorIdSchema }).strict(),
      ]),
      note: safeText({ max: LIMITS.noteMaxChars, multiline: true }).min(1),
    }),
    z.object({}),
  ),
  /**
   * Add an internal note to a chat you hold: colleagues who receive it later read it with the chat
   * (`AssignedConversation.notes`); the visitor never sees it. Errors: VALIDATION_FAILED,
   * MESSAGE_TOO_LONG, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId, text: 'Ha già inviato l’SR41' }` → `{ note: { authorName, text, at } }`
   */
  'chat:note': command(
    z.object({
      conversationId: ConversationIdSchema,
      text: safeText({ max: LIMITS.noteMaxChars, multiline: true }).min(1),
    }),
    z.object({ note: InternalNoteSchema }),
  ),
  /**
   * The canned replies you can use: the supervisors' shared set and your own, by language and title.
   * Example: `{}` → `{ replies: [{ id, lang: 'it', title: 'Stato domanda', text: 'La domanda è {stato}.', shared: true }] }`
   */
  'canned:list': command(z.object({}), z.object({ replies: z.array(CannedReplySchema) })),
  /**
   * Save one of your own canned replies: a new one without `id`, or a change to one of yours. Errors:
   * VALIDATION_FAILED (also: not one of yours, or already as many as allowed), MESSAGE_TOO_LONG.
   * Example: `{ lang: 'it', title: 'Saluto', text: 'Buongiorno, come posso aiutarla?' }` → `{ reply }`
   */
  'canned:save': command(
    CannedReplyDraftSchema.extend({ id: CannedReplyIdSchema.optional() }).strict(),
    z.object({ reply: CannedReplySchema }),
  ),
  /**
   * Delete one of your own canned replies (deleting one that is gone succeeds). Errors: VALIDATION_FAILED.
   * Example: `{ id }` → `{}`
   */
  'canned:delete': command(z.object({ id: CannedReplyIdSchema }), z.object({})),
  /**
   * Open follow-ups of the queues you serve, oldest first (an audited read of each visitor's data).
   * Example: `{}` → `{ followUps: [...] }`
   */
  'followup:list': command(z.object({}), z.object({ followUps: z.array(AdvisorFollowUpSchema) })),
  /**
   * Answer an open follow-up of a queue you serve; the answer reaches the person. Errors:
   * VALIDATION_FAILED, MESSAGE_TOO_LONG, FOLLOWUP_NOT_FOUND (unknown, already answered, or another queue's).
   * Example: `{ id, text: 'Il pagamento è stato disposto il 12 marzo.' }` → `{ followUp }`
   */
  'followup:answer': command(
    z.object({ id: FollowUpIdSchema, text: safeText({ multiline: true }).min(1, 'empty message') }),
    z.object({ followUp: AdvisorFollowUpSchema }),
  ),
  /**
   * Colleagues and their availability, to choose whom to transfer to. `advisorId` is an opaque
   * id, never a codice fiscale.
   * Example: `{}` → `{ advisors: [{ advisorId, name, availability: 'available', activeChats: 1, capacity: 3 }] }`
   */
  'advisors:list': command(
    z.object({}),
    z.object({
      advisors: z.array(
        z.object({
          advisorId: z.string(),
          name: z.string(),
          availability: z.enum(['available', 'paused', 'offline']),
          activeChats: z.number().int().nonnegative(),
          capacity: z.number().int().nonnegative(),
          /** True for the advisor asking. */
          self: z.boolean(),
        }),
      ),
    }),
  ),
};

/** Pushes the console receives on the `/advisor` namespace. */
export const advisorEvents = {
  ...chatEvents,
  ...sessionEvents,
  /** First thing after connecting: who you are, your availability and the chats you hold. */
  'session:ready': z.object({
    protocolVersion: z.number().int(),
    identity: SessionIdentitySchema,
    /** The INPS office you work at, when your identity names one: you answer its referrals. */
    office: z.object({ code: z.string(), name: z.string() }).nullable(),
    /** Your own opaque id, as on your messages (`ChatMessage.authorId`) and in `advisors:list`. */
    advisorId: z.string().optional(),
    availability: AdvisorAvailabilitySchema,
    profile: AdvisorProfileSchema,
    conversations: z.array(AssignedConversationSchema),
  }),
  /** Your availability, queues or capacity changed (from another tab, or a supervisor). */
  'advisor:profile': AdvisorProfileSchema,
  /** A conversation was assigned to you. */
  'chat:assigned': AssignedConversationSchema,
  /**
   * A chat you held is no longer yours: you were away past the grace period and it went back to
   * the queue, or it was handed on.
   */
  'chat:released': z.object({
    conversationId: ConversationIdSchema,
    reason: z.enum(['advisor_left', 'transferred']),
  }),
  /**
   * A supervisor's announcement to every advisor, or to you alone.
   * Example: `{ text: 'Nuova circolare sui pagamenti diretti', from: 'Elena Marino', at: '…', toAll: true }`
   */
  'staff:announcement': z.object({
    text: z.string(),
    from: z.string(),
    at: IsoDateTimeSchema,
    toAll: z.boolean(),
  }),
  /** How many visitors wait in each queue you serve. */
  'queue:stats': z.object({ queue: z.enum(AUDIENCES), waiting: z.number().int().nonnegative() }),
};

export type AdvisorClientEvents = CommandEventMap<typeof advisorCommands>;
export type AdvisorServerEvents = PushEventMap<typeof advisorEvents>;
