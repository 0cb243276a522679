import { z } from 'zod';
import {
  ChatMessageSchema,
  ClientMessageIdSchema,
  ConversationIdSchema,
  IsoDateTimeSchema,
  SeqSchema,
} from './common.ts';
import { command } from './contract.ts';
import { LIMITS } from './version.ts';

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
      text: z.string().trim().min(1, 'empty message'),
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
   * Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN.
   * Example: `{ conversationId }` → `{}`
   */
  'chat:close': command(z.object({ conversationId: ConversationIdSchema }), z.object({})),
};

/** Pushes both sides of a conversation receive. */
export const chatEvents = {
  /** A new message in a conversation you take part in (your own included, once stored). */
  'chat:message': ChatMessageSchema,
  /** The conversation was closed, by whom. */
  'chat:closed': z.object({
    conversationId: ConversationIdSchema,
    closedBy: z.enum(['visitor', 'advisor', 'system']),
  }),
};

/** Enforced separately from the schema so the error says exactly what is wrong. */
export const isMessageTooLong = (text: string) => text.length > LIMITS.messageTextMaxChars;
