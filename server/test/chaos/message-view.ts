import type { ChatMessage } from '@infocig/shared';

/**
 * One participant's copy of a conversation, merged by seq as the protocol says: a message seen
 * twice (push and history) is kept once, and a gap shows as messages beyond `contiguousUpTo`.
 */
export class MessageView {
  readonly bySeq = new Map<number, ChatMessage>();
  /** The highest seq n such that 1..n are all held. */
  contiguousUpTo = 0;
  /** Deliveries of a seq already held: expected after resuming, and dropped. */
  redelivered = 0;
  /** Two different messages under one seq: never acceptable. */
  readonly conflicts: string[] = [];

  merge(messages: readonly ChatMessage[]): void {
    for (const message of messages) {
      const held = this.bySeq.get(message.seq);
      if (!held) {
        this.bySeq.set(message.seq, message);
        continue;
      }
      this.redelivered++;
      if (held.clientMessageId !== message.clientMessageId || held.text !== message.text) {
        this.conflicts.push(
          `${message.conversationId} seq ${message.seq}: ${held.clientMessageId} vs ${message.clientMessageId}`,
        );
      }
    }
    while (this.bySeq.has(this.contiguousUpTo + 1)) this.contiguousUpTo++;
  }

  get hasGap(): boolean {
    return this.bySeq.size > this.contiguousUpTo;
  }

  has(clientMessageId: string): boolean {
    for (const message of this.bySeq.values()) if (message.clientMessageId === clientMessageId) return true;
    return false;
  }

  /** Messages in seq order. */
  list(): ChatMessage[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
}
