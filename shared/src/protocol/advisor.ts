import { z } from 'zod';
import { AUDIENCES, ROLES } from '../domain/roles.ts';
import { chatCommands, chatEvents } from './chat-commands.ts';
import {
  ChatMessageSchema,
  ClaimSummarySchema,
  ConversationIdSchema,
  IsoDateTimeSchema,
  SeqSchema,
  SessionIdentitySchema,
} from './common.ts';
import { type CommandEventMap, command, type PushEventMap } from './contract.ts';

export const AdvisorAvailabilitySchema = z.enum(['available', 'paused']);
export type AdvisorAvailability = z.infer<typeof AdvisorAvailabilitySchema>;

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
  claims: z.array(ClaimSummarySchema),
  messages: z.array(ChatMessageSchema),
  /** How far each side has read. */
  readUpTo: z.object({ visitor: SeqSchema, advisor: SeqSchema }),
});
export type AssignedConversation = z.infer<typeof AssignedConversationSchema>;

/** Commands the console sends on the `/advisor` namespace. */
export const advisorCommands = {
  ...chatCommands,
  /**
   * Become available for new chats, or pause (chats you hold stay yours).
   * Errors: VALIDATION_FAILED.
   * Example: `{ availability: 'available' }` → `{ availability: 'available', activeChats: 0 }`
   */
  'advisor:availability': command(
    z.object({ availability: AdvisorAvailabilitySchema }),
    z.object({ availability: AdvisorAvailabilitySchema, activeChats: z.number().int().nonnegative() }),
  ),
};

/** Pushes the console receives on the `/advisor` namespace. */
export const advisorEvents = {
  ...chatEvents,
  /** First thing after connecting: who you are, your availability and the chats you hold. */
  'session:ready': z.object({
    protocolVersion: z.number().int(),
    identity: SessionIdentitySchema,
    availability: AdvisorAvailabilitySchema,
    conversations: z.array(AssignedConversationSchema),
  }),
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
  /** How many visitors wait in each queue you serve. */
  'queue:stats': z.object({ queue: z.enum(AUDIENCES), waiting: z.number().int().nonnegative() }),
};

export type AdvisorClientEvents = CommandEventMap<typeof advisorCommands>;
export type AdvisorServerEvents = PushEventMap<typeof advisorEvents>;
