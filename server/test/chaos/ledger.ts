/**
 * What the clients saw during the run, on the one clock every process on this machine shares:
 * the final checks compare it with what Redis holds.
 */
export class Ledger {
  /** clientMessageId → where the server said it stored it (first ack). */
  readonly acked = new Map<string, { conversationId: string; seq: number }>();
  /** Every time an advisor learnt it holds a chat (chat:assigned or session:ready). */
  readonly assignments: { conversationId: string; advisorId: string; assignedAt: number }[] = [];
  /** When a visitor first knew its conversation existed (ack of chat:request, or session:ready). */
  readonly requestKnownAt = new Map<string, number>();
  /** The earliest moment any client or sample showed the conversation assigned. */
  readonly assignedSeenAt = new Map<string, number>();
  /** Anything a client saw that breaks the protocol. */
  readonly problems: string[] = [];
  readonly counts = {
    bounces: 0,
    kills: 0,
    requeuedPushes: 0,
    releasedPushes: 0,
    /** Chats an advisor found gone at resume that had gone back to the queue. */
    releasedWhileAway: 0,
    /** ...of which the advisor had been away for less than the grace period. */
    releasedWithinGrace: 0,
    /** Conversations the system closed because their visitor left. */
    closedVisitorLeft: 0,
    /** ...of which the visitor had been away for less than the grace period. */
    closedWithinGrace: 0,
    /** Advisors that heard messages of a chat they did not know they held, and reconnected to learn it. */
    unannouncedAssignments: 0,
    gapsFilled: 0,
  };

  recordAck(clientMessageId: string, conversationId: string, seq: number): void {
    const first = this.acked.get(clientMessageId);
    if (!first) this.acked.set(clientMessageId, { conversationId, seq });
    else if (first.seq !== seq || first.conversationId !== conversationId) {
      this.problems.push(`${clientMessageId} acked as seq ${first.seq} and then as seq ${seq}`);
    }
  }

  knownAt(map: Map<string, number>, conversationId: string, at = Date.now()): void {
    const seen = map.get(conversationId);
    if (seen === undefined || at < seen) map.set(conversationId, at);
  }
}
