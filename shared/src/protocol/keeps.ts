import { z } from 'zod';
import { ConversationIdSchema, IsoDateTimeSchema, VisitorConversationSchema } from './common.ts';
import { command } from './contract.ts';
import { safeText } from './safe-input.ts';
import { LIMITS } from './version.ts';

/** A person's rating of a closed chat: 1–5 stars and, if they wrote one, a comment. */
export const RatingSchema = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().optional(),
  ratedAt: IsoDateTimeSchema,
});
export type Rating = z.infer<typeof RatingSchema>;

/**
 * The person's most recent closed chat, kept on screen after a reload until they dismiss it
 * (`chat:dismiss`) or retention deletes it. Its messages come with `chat:history`.
 */
export const KeptConversationSchema = z.object({
  conversation: VisitorConversationSchema,
  closedAt: IsoDateTimeSchema,
  closedBy: z.enum(['visitor', 'advisor', 'system']),
  /** Their rating, once given. */
  rating: RatingSchema.nullable(),
  /** Until when it may still be rated; null once rated or past the window. */
  ratableUntil: IsoDateTimeSchema.nullable(),
});
export type KeptConversation = z.infer<typeof KeptConversationSchema>;

/** What a visitor does with a closed chat of theirs: rate it, and put it away. */
export const keepsCommands = {
  /**
   * Rate your closed conversation, once, within 7 days of its close: 1–5 stars and an optional
   * comment (at most 1,000 characters). Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND,
   * CONVERSATION_FORBIDDEN, CONVERSATION_OPEN, ALREADY_RATED, RATING_EXPIRED.
   * Example: `{ conversationId, stars: 5, comment: 'Chiaro e veloce' }` → `{ rating: { stars: 5, comment, ratedAt } }`
   */
  'chat:rate': command(
    z.object({
      conversationId: ConversationIdSchema,
      stars: z.number().int().min(1).max(5),
      comment: safeText({ max: LIMITS.ratingCommentMaxChars, multiline: true }).optional(),
    }),
    z.object({ rating: RatingSchema }),
  ),
  /**
   * Put away your closed conversation: it is no longer handed over in `session:ready`, on any
   * device. Its transcript stays downloadable for the retention period. Dismissing it again
   * succeeds. Errors: VALIDATION_FAILED, CONVERSATION_NOT_FOUND, CONVERSATION_FORBIDDEN,
   * CONVERSATION_OPEN. Example: `{ conversationId }` → `{}`
   */
  'chat:dismiss': command(z.object({ conversationId: ConversationIdSchema }), z.object({})),
};
