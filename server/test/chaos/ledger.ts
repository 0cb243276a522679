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
  /** Chats an advisor's reload showed were its own though it had stayed connected: a lost chat:assigned. */
  readonly neverAnnounced: { conversationId: string; assignedAt: number }[] = [];
  /** When the process was killed. */
  killedAt: number | null = null;
  /** Anything a client saw that breaks the protocol. */
  readonly problems: string[] = [];
  readonly counts = {
    /** Random disconnects of connected clients (each followed by a reconnect to a live process). */
    bounces: 0,
    kills: 0,
    requeuedPushes: 0,
    releasedPushes: 0,
    /** Chats an advisor found gone at resume that had gone back to the queue. */
    releasedWhileAway: 0,
    /** ...of which the advisor had been away for less than the grace period. */
    releasedWithinGrace: 0,
    /** Advisors reloading: messages came for a chat nobody said they held, or a held chat went silent. */
    advisorReloads: { unannounced: 0, silence: 0 },
    /** Advisor reloads whose session:ready held messages not seen before: a push lost, or very late. */
    advisorReloadsThatFoundNews: 0,
    gapsFilled: 0,
    /** Visitors' idle reloads that brought news (history, session:ready): a push lost, or very late. */
    idleReloadsThatFoundNews: 0,
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
