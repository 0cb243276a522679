import type { ChatMessage } from '@infocig/shared';
import type { ConversationRecord } from './conversation-record.ts';
import type { InternalNote } from './conversation-repository.ts';

/** A closed conversation, whole: what is moved out of Redis into the archive. */
export interface ClosedConversation {
  record: ConversationRecord;
  /** When it last joined the queue (ms), and its priority there: above 0 once it went back. */
  enqueuedAt: number;
  priority: number;
  closedAt: number;
  messages: ChatMessage[];
  notes: InternalNote[];
}

/** Where closed conversations are read back once they have left Redis (the archive). */
export interface ClosedConversations {
  get(id: string): Promise<ClosedConversation | null>;
}

/** A page of a closed conversation's messages, as `history` pages the live ones. */
export function pageOf(messages: readonly ChatMessage[], afterSeq: number, limit: number) {
  const after = messages.filter((m) => m.seq > afterSeq);
  return { messages: after.slice(0, limit), hasMore: after.length > limit };
}
