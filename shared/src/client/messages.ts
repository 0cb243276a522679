import type { ChatMessage } from '../protocol/index.ts';
import type { UiError } from './ack.ts';

/**
 * A message as the UI holds it. Stored messages have a `seq`; one we sent that the server has not
 * acknowledged yet has `seq: null` and is shown as pending (or failed, with a resend button).
 */
export interface UiMessage extends Omit<ChatMessage, 'seq'> {
  seq: number | null;
  delivery: 'pending' | 'sent' | 'failed';
  error?: UiError;
}

/** Stored messages by `seq`, then the ones not yet stored in the order they were written. */
function ordered(list: UiMessage[]): UiMessage[] {
  return list.sort((a, b) => (a.seq ?? Number.POSITIVE_INFINITY) - (b.seq ?? Number.POSITIVE_INFINITY));
}

/**
 * Adds messages from the server (a `chat:message` push or a `chat:history` page). A `seq` already
 * held is skipped; one of ours still pending (same `clientMessageId`) is replaced by its stored copy.
 */
export function mergeStored(
  list: readonly UiMessage[],
  incoming: readonly ChatMessage[],
  ownAuthor: ChatMessage['author'],
): UiMessage[] {
  const next = [...list];
  let changed = false;
  for (const message of incoming) {
    if (next.some((m) => m.seq === message.seq)) continue;
    const stored: UiMessage = { ...message, delivery: 'sent' };
    const local =
      message.author === ownAuthor
        ? next.findIndex((m) => m.seq === null && m.clientMessageId === message.clientMessageId)
        : -1;
    if (local >= 0) next[local] = stored;
    else next.push(stored);
    changed = true;
  }
  return changed ? ordered(next) : (list as UiMessage[]);
}

export function addPending(list: readonly UiMessage[], message: UiMessage): UiMessage[] {
  return [...list, message];
}

/** The ack gave our message its `seq`. If the broadcast copy arrived first, drop the local one. */
export function markSent(list: readonly UiMessage[], clientMessageId: string, seq: number, sentAt: string) {
  if (list.some((m) => m.seq === seq)) {
    return list.filter((m) => !(m.seq === null && m.clientMessageId === clientMessageId));
  }
  return ordered(
    list.map((m) =>
      m.seq === null && m.clientMessageId === clientMessageId
        ? { ...m, seq, sentAt, delivery: 'sent' as const, error: undefined }
        : m,
    ),
  );
}

export function markDelivery(
  list: readonly UiMessage[],
  clientMessageId: string,
  delivery: 'pending' | 'failed',
  error?: UiError,
): UiMessage[] {
  return list.map((m) =>
    m.seq === null && m.clientMessageId === clientMessageId ? { ...m, delivery, error } : m,
  );
}

/** The highest `seq` held: where to resume from after a reconnect. */
export function lastSeq(list: readonly UiMessage[]): number {
  return list.reduce((max, m) => (m.seq !== null && m.seq > max ? m.seq : max), 0);
}

/** Allowed characters for a clientMessageId are A-Za-z0-9_- ; a UUID fits. */
export function newClientMessageId(): string {
  return `m-${crypto.randomUUID()}`;
}

/** A message we are about to send, shown at once as pending. */
export function pendingMessage(
  conversationId: string,
  author: ChatMessage['author'],
  authorName: string,
  text: string,
): UiMessage {
  const sentAt = new Date().toISOString();
  return {
    conversationId,
    seq: null,
    clientMessageId: newClientMessageId(),
    author,
    authorName,
    text,
    sentAt,
    delivery: 'pending',
  };
}

const RETRYABLE: readonly string[] = ['ACK_TIMEOUT', 'NOT_CONNECTED'];

/** Not stored yet, and worth sending (again) once the session is back. */
export function awaitsDelivery(m: UiMessage): boolean {
  return (
    m.seq === null &&
    (m.delivery === 'pending' || (m.error !== undefined && RETRYABLE.includes(m.error.code)))
  );
}
