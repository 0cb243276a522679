import { z } from 'zod';
import { safeText, ULID_PATTERN } from './safe-input.ts';
import { LIMITS } from './version.ts';

/** The languages a canned reply is written in. */
export const CANNED_LANGUAGES = ['it', 'en'] as const;

/** Canned reply ids are ULIDs made by the server. */
export const CannedReplyIdSchema = z.string().regex(ULID_PATTERN, 'not a canned reply id');

/**
 * A canned reply as written: a short title to find it by, and its text. The text may hold the
 * placeholders `{stato}`, `{finestra_pagamento}`, `{prossimo_passo}` and `{sede}`, which the console
 * fills from the claim the chat is about (an unknown one shows as `[?]`).
 * Example: `{ lang: 'it', title: 'Stato domanda', text: 'La sua domanda è {stato}. {prossimo_passo}' }`
 */
export const CannedReplyDraftSchema = z
  .object({
    lang: z.enum(CANNED_LANGUAGES),
    title: safeText({ max: LIMITS.cannedTitleMaxChars }).min(1),
    text: safeText({ max: LIMITS.messageTextMaxChars, multiline: true }).min(1),
  })
  .strict();
export type CannedReplyDraft = z.infer<typeof CannedReplyDraftSchema>;

/** A stored canned reply: `shared` ones are the supervisors' set, the others the advisor's own. */
export const CannedReplySchema = z.object({
  id: CannedReplyIdSchema,
  lang: z.enum(CANNED_LANGUAGES),
  title: z.string(),
  text: z.string(),
  shared: z.boolean(),
});
export type CannedReply = z.infer<typeof CannedReplySchema>;

/** The supervisors' shared set, replaced whole (`PUT /api/supervisor/canned-replies`). */
export const SharedCannedRepliesSchema = z
  .object({ replies: z.array(CannedReplyDraftSchema).max(LIMITS.cannedRepliesMax) })
  .strict();
