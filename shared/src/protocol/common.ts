import { z } from 'zod';
import { AUDIENCES, BENEFIT_TYPES, ROLES } from '../domain/index.ts';
import { APPLICATION_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES } from '../domain/statuses.ts';
import { GuidanceSchema } from '../guidance/guidance.ts';
import { IsoDateSchema, IsoDateTimeSchema } from './common-dates.ts';
import { PaymentEstimateSchema } from './estimate.ts';
import { safeId, ULID_PATTERN } from './safe-input.ts';
import { LIMITS, PROTOCOL_VERSION } from './version.ts';
import { WaitEstimateSchema } from './wait-estimate.ts';

/** What a client sends as Socket.IO `auth` when it connects. */
export const HandshakeAuthSchema = z.object({
  /** The portal's signed identity (a JWT, ES256). */
  token: z.string().min(1),
  protocolVersion: z.number().int(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;
export const handshakeAuth = (token: string): HandshakeAuth => ({ token, protocolVersion: PROTOCOL_VERSION });

/** Conversation ids are ULIDs made by the server. Example: `01JD3Q7J0X7M2Y5V9W4T6R8S1A`. */
export const ConversationIdSchema = z.string().regex(ULID_PATTERN, 'not a conversation id');

/** Follow-up ids are ULIDs made by the server, like conversation ids. */
export const FollowUpIdSchema = z.string().regex(ULID_PATTERN, 'not a follow-up id');

/** Made by the client for each message it sends, so that a resend is recognised. Example: `m-1f3a9c`. */
export const ClientMessageIdSchema = safeId(LIMITS.clientMessageIdMaxChars);

/** Per-conversation sequence number: 1 for the first message, no gaps. */
export const SeqSchema = z.number().int().nonnegative();

export { IsoDateSchema, IsoDateTimeSchema } from './common-dates.ts';

export const AuthorKindSchema = z.enum(['visitor', 'advisor', 'system']);

/**
 * One message of a conversation, as stored and delivered.
 * Example: `{ conversationId, seq: 3, clientMessageId: 'm-1f3a9c', author: 'visitor',
 * authorName: 'Mario Rossi', text: 'Buongiorno', sentAt: '2026-11-22T15:02:11.000Z' }`
 */
/**
 * A notice the service itself writes into a conversation, as data that each app words in its
 * reader's language (`text` holds a plain wording for transcripts and older clients).
 * Example: `{ kind: 'inactivity-warning', minutesLeft: 2 }`
 */
export const SystemNoticeSchema = z.discriminatedUnion('kind', [
  /** Nobody has written for a while: the chat closes in `minutesLeft` minutes unless someone does. */
  z.object({ kind: z.literal('inactivity-warning'), minutesLeft: z.number().int().positive() }),
  /**
   * The conversation passes to another advisor: its advisor handed it on (`transferred`: to a
   * colleague or back to a queue), or stayed away and it went back to the queue (`advisor_left`).
   */
  z.object({ kind: z.literal('handover'), reason: z.enum(['transferred', 'advisor_left']) }),
  /** The advisor passed the question to the INPS office that owns the claim (`office`, its name). */
  z.object({ kind: z.literal('referral'), office: z.string() }),
]);
export type SystemNotice = z.infer<typeof SystemNoticeSchema>;

export const ChatMessageSchema = z.object({
  conversationId: ConversationIdSchema,
  seq: SeqSchema,
  clientMessageId: z.string(),
  author: AuthorKindSchema,
  authorName: z.string(),
  /**
   * On an advisor's message: the advisor's opaque id (as in `advisors:list`, never a codice
   * fiscale), so that a console tells its own messages from a colleague's after a transfer.
   */
  authorId: z.string().optional(),
  text: z.string(),
  sentAt: IsoDateTimeSchema,
  /** Present on the service's own notices (`author: 'system'`). */
  notice: SystemNoticeSchema.optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ConversationStatusSchema = z.enum(['queued', 'active', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** A conversation as its visitor sees it. */
export const VisitorConversationSchema = z.object({
  id: ConversationIdSchema,
  status: ConversationStatusSchema,
  /** 1 for the next to be served; present while queued. */
  position: z.number().int().positive().optional(),
  /** Present once an advisor holds it. */
  advisorName: z.string().optional(),
  /**
   * Present while queued: how long the wait is likely to be, as a range, or why there is none
   * (see `WaitEstimateSchema`).
   */
  estimate: WaitEstimateSchema.optional(),
  /**
   * Deprecated, for clients before `estimate`: its `highSeconds` when it is a range, else null.
   * Present while queued.
   */
  estimatedWaitSeconds: z.number().int().nonnegative().nullable().optional(),
  /** What the visitor said the conversation is about, when they said something (pre-fills a follow-up). */
  topic: z.string().optional(),
  /** The last sequence number in the conversation, to resume from. */
  lastSeq: SeqSchema,
  /** How far each side has read. */
  readUpTo: z.object({ visitor: SeqSchema, advisor: SeqSchema }),
  /** What the visitor said the conversation is about. */
  subject: z
    .object({
      companyCf: z.string().optional(),
      companyName: z.string().optional(),
      applicationId: z.string().optional(),
    })
    .optional(),
  /** True once the visitor has been offered to leave a follow-up instead of waiting. */
  followUpOffered: z.boolean().optional(),
  openedAt: IsoDateTimeSchema,
});
export type VisitorConversation = z.infer<typeof VisitorConversationSchema>;

/** A monthly payment to one worker, as the worker (or the advisor in their chat) sees it. */
export const PaymentSummarySchema = z.object({
  /** The month of CIG the payment is for, `YYYY-MM`. */
  competenceMonth: z.string().regex(/^\d{4}-\d{2}$/),
  status: z.enum(PAYMENT_STATUSES),
  statusSince: IsoDateSchema,
  method: z.enum(PAYMENT_METHODS),
  amountCents: z.number().int().nullable(),
  /** Only the last four characters are shown: `IT** **** **** **** **** ***1 234`. */
  ibanMasked: z.string().nullable(),
  paidAt: IsoDateSchema.nullable(),
  /** The employer's deadline to send the payment data, while it is awaited. */
  dataDeadline: IsoDateSchema.nullable(),
  /** What this status means, who acts next and by when. */
  guidance: GuidanceSchema,
  /** When the payment is likely to arrive; null once paid or settled otherwise. */
  estimate: PaymentEstimateSchema.nullable(),
});
export type PaymentSummary = z.infer<typeof PaymentSummarySchema>;

/** One application and, for a worker, their payments under it. */
export const ClaimSummarySchema = z.object({
  applicationId: z.string(),
  benefitType: z.enum(BENEFIT_TYPES),
  companyName: z.string(),
  /** The company's INPS position, 10 digits. */
  matricola: z.string(),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  status: z.enum(APPLICATION_STATUSES),
  statusSince: IsoDateSchema,
  protocolNumber: z.string().nullable(),
  /** The INPS office (sede) handling it, and its code. */
  inpsOffice: z.string(),
  inpsOfficeCode: z.string(),
  /** Workers covered by the application (useful to employers). */
  workersCovered: z.number().int().nonnegative(),
  /** The asking worker's own monthly payments; empty for employers. */
  payments: z.array(PaymentSummarySchema),
  /** What the application's status means, who acts next and by when. */
  guidance: GuidanceSchema,
  /** While the application is not yet decided: when a first payment is likely. */
  estimate: PaymentEstimateSchema.nullable(),
});
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;

/** Who the server says you are, from the verified token. */
export const SessionIdentitySchema = z.object({
  role: z.enum(ROLES),
  displayName: z.string(),
  audience: z.enum(AUDIENCES).optional(),
  province: z.string().optional(),
  companyName: z.string().optional(),
});
export type SessionIdentity = z.infer<typeof SessionIdentitySchema>;
