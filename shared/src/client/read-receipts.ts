import type { UiMessage } from './messages.ts';

/** How far each side has read a conversation (a `seq`), as `readUpTo` in the protocol. */
export interface ReadUpTo {
  visitor: number;
  advisor: number;
}

/** A read mark only moves forward: a late or repeated receipt never takes it back. */
export function advanceRead(readUpTo: ReadUpTo, reader: keyof ReadUpTo, seq: number): ReadUpTo {
  return seq > readUpTo[reader] ? { ...readUpTo, [reader]: seq } : readUpTo;
}

/** The highest `seq` of a stored message written by the other side, or 0. */
export function lastSeqFrom(list: readonly UiMessage[], notAuthor: UiMessage['author']): number {
  return list.reduce((max, m) => (m.seq !== null && m.author !== notAuthor && m.seq > max ? m.seq : max), 0);
}

/**
 * Which `chat:read` marks are worth sending: only forward, and each once, so that re-renders
 * and focus changes do not repeat the same command. Usage:
 * `const seq = marks.next(id, lastSeq, readUpTo.visitor); if (seq !== null) emit(seq)`.
 */
export class ReadMarks {
  private readonly sent = new Map<string, number>();

  /** The `seq` to send now, or `null` when nothing new has been read. */
  next(conversationId: string, lastSeq: number, known: number): number | null {
    const floor = Math.max(known, this.sent.get(conversationId) ?? 0);
    if (lastSeq <= floor) return null;
    this.sent.set(conversationId, lastSeq);
    return lastSeq;
  }

  /** The command failed: the same mark may be sent again. */
  failed(conversationId: string, seq: number): void {
    if (this.sent.get(conversationId) === seq) this.sent.delete(conversationId);
  }
}
