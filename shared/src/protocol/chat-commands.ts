import { z } from 'zod';
import {
  ChatMessageSchema,
  ClientMessageIdSchema,
  ConversationIdSchema,
  IsoDateTimeSchema,
  SeqSchema,
} from './common.ts';
import { command } from './contract.ts';
import { WireErrorSchema } from './errors.ts';
import { safeText } from './safe-input.ts';
import { LIMITS } from './version.ts';

/**
 * How an advisor's case ended, chosen when they close the chat: settled in the chat, a follow-up
 * opened (a message to call back), or referred to the INPS office.
 */
export const CASE_OUTCOMES = ['settled', 'follow_up', 'referred_office'] as const;
export const CaseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/** Commands that both sides of a conversation use, with the same shapes. */
export const chatCommands = {
  /**
   * Send a message. Resending the same `clientMessageId` is safe: it is stored once and the ack
   * carries the same `seq`. Errors: VALIDATION_FAILED, MESSAGE_TOO_LONG, CONVERSATION_NOT_FOUND,
   * CONVERSATION_FORBIDDEN, CONVERSATION_CLOSED.
   * Example: `{ conversationId, clientMessageId: 'm-1f3a9c', text: 'Buongiorno' }` →
   * `{ seq: 4, sentAt: '2026-11-22T15:02:11.000Z', duplicate: false }`
   */
  'chat:send': command(
    z.object({
      conversationId: ConversationIdSchema,
      clientMessageId: ClientMessageIdSchema,
      text: safeText({ multiline: true }).min(1, 'empty message'),
    }),
    z.object({ seq: SeqSchema, sentAt: IsoDateTimeSchema, duplicate: z.boolean() }),
  ),
  /**
   * Messages after `afterSeq` (0 for all), oldest first, at most `limit`. Use it to resume after a
   * reconnect. Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId, afterSeq: 3 }` → `{ messages: [...], hasMore: false }`
   */
  'chat:history': command(
    z.object({
      conversationId: ConversationIdSchema,
      afterSeq: SeqSchema.default(0),
      limit: z.number().int().min(1).max(LIMITS.historyPageMax).default(LIMITS.historyPageMax),
    }),
    z.object({ messages: z.array(ChatMessageSchema), hasMore: z.boolean() }),
  ),
  /**
   * Close a conversation. Closing one already closed succeeds. Both sides receive `chat:closed`.
   * The console's close also carries the case outcome (see `advisorCommands`).
   * Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId }` → `{}`
   */
  'chat:close': command(z.object({ conversationId: ConversationIdSchema }), z.object({})),
  /**
   * Say you are typing (or stopped). Not stored; the other side receives `chat:typing`. Send it at
   * most every few seconds while typing, and `typing: false` when the draft is sent or cleared.
   * Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId, typing: true }` → `{}`
   */
  'chat:typing': command(
    z.object({ conversationId: ConversationIdSchema, typing: z.boolean() }),
    z.object({}),
  ),
  /**
   * Say you have read the conversation up to `seq`. Stored (it never goes back) and pushed to the
   * other side as `chat:read`. Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId, seq: 7 }` → `{ seq: 7 }`
   */
  'chat:read': command(
    z.object({ conversationId: ConversationIdSchema, seq: SeqSchema }),
    z.object({ seq: SeqSchema }),
  ),
};

/** Pushes both sides of a conversation receive. */
export const chatEvents = {
  /** A new message in a conversation you take part in (your own included, once stored). */
  'chat:message': ChatMessageSchema,
  /** The conversation was closed, by whom. */
  'chat:closed': z.object({
    conversationId: ConversationIdSchema,
    closedBy: z.enum(['visitor', 'advisor', 'system']),
    /** Why the system closed it: the visitor left, or the chat was inactive. */
    reason: z.enum(['visitor_left', 'inactive']).optional(),
  }),
  /** The other side is typing, or stopped. */
  'chat:typing': z.object({
    conversationId: ConversationIdSchema,
    author: z.enum(['visitor', 'advisor']),
    typing: z.boolean(),
  }),
  /** The other side has read up to `seq`. */
  'chat:read': z.object({
    conversationId: ConversationIdSchema,
    reader: z.enum(['visitor', 'advisor']),
    seq: SeqSchema,
  }),
  /**
   * Your session could not be set up; the server disconnects right after. With
   * `SERVICE_UNAVAILABLE` a dependency is down: connect again after a pause.
   * Example: `{ code: 'SERVICE_UNAVAILABLE', message: 'The service is temporarily unavailable.' }`
   */
  'session:error': WireErrorSchema,
};

/** Enforced separately from the schema so the error says exactly what is wrong. */
export const isMessageTooLong = (text: string) => text.length > LIMITS.messageTextMaxChars;
