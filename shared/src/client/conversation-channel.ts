import { type ChatMessage, isMessageTooLong } from '../protocol/index.ts';
import type { Outcome, UiError } from './ack.ts';
import {
  addPending,
  awaitsDelivery,
  lastSeq,
  markDelivery,
  markSent,
  mergeStored,
  pendingMessage,
  type UiMessage,
} from './messages.ts';
import { lastSeqFrom, ReadMarks } from './read-receipts.ts';
import { TYPING_SHOWN_MS, TypingSignal } from './typing.ts';

const HISTORY_PAGES_MAX = 50;

/** The chat commands a session sends for the channel (the same in both namespaces). */
export interface ChatCommands {
  send(p: {
    conversationId: string;
    clientMessageId: string;
    text: string;
  }): Promise<Outcome<{ seq: number; sentAt: string }>>;
  history(p: {
    conversationId: string;
    afterSeq: number;
  }): Promise<Outcome<{ messages: ChatMessage[]; hasMore: boolean }>>;
  read(p: { conversationId: string; seq: number }): Promise<Outcome<{ seq: number }>>;
  typing(p: { conversationId: string; typing: boolean }): Promise<unknown>;
}

/** Where the channel reads and writes a session's messages, and how it reports back. */
export interface ChannelHost {
  commands: ChatCommands;
  /** Who writes from this app. */
  author: 'visitor' | 'advisor';
  connected(): boolean;
  /** The conversation's messages, or null when the session no longer holds it. */
  messagesOf(conversationId: string): readonly UiMessage[] | null;
  updateMessages(conversationId: string, change: (messages: readonly UiMessage[]) => UiMessage[]): void;
  /** A command on the conversation was refused or failed (not a send: that shows on the message). */
  failed(conversationId: string, error: UiError): void;
  /** The server moved this side's read mark to `seq`. */
  readAt(conversationId: string, seq: number): void;
  /** Whether "is typing" may be sent now (the visitor's only once an advisor holds the chat). */
  typingAllowed?(conversationId: string): boolean;
}

/** Makes a channel over a session's socket (`SocketSession.conversationChannel`), for a part of the session. */
export type ChannelFactory = (host: Omit<ChannelHost, 'commands' | 'connected'>) => ConversationChannel;

/**
 * One app's side of the message path, the same for the widget and the console: a message is shown
 * at once as pending and sent with a client id, so a resend (after a drop, a failure or a reload)
 * is never stored twice; history resumes page by page from the last `seq` held; read marks move
 * forward only; "is typing" is throttled. A refused command (CONVERSATION_FORBIDDEN: the chat is no
 * longer the advisor's) goes to the host, which decides what the person sees.
 */
export class ConversationChannel {
  private readonly inFlight = new Set<string>();
  private readonly readMarks = new ReadMarks();
  private readonly typing = new Map<string, TypingSignal>();
  private typingShown: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ChannelHost) {}

  /** After a `chat:typing` push: `hide` runs once no refresh of it came in time. */
  hideTypingLater(hide: () => void): void {
    clearTimeout(this.typingShown);
    this.typingShown = setTimeout(hide, TYPING_SHOWN_MS);
  }

  dispose(): void {
    clearTimeout(this.typingShown);
  }

  /** Shows the message as pending and sends it when connected (else after the next ready); false if there is nothing to send. */
  send(conversationId: string, authorName: string, text: string): boolean {
    const trimmed = text.trim();
    if (!trimmed || isMessageTooLong(trimmed) || !this.host.messagesOf(conversationId)) return false;
    this.typingIn(conversationId).stopped();
    const message = pendingMessage(conversationId, this.host.author, authorName, trimmed);
    this.host.updateMessages(conversationId, (m) => addPending(m, message));
    if (this.host.connected()) void this.deliver(conversationId, message.clientMessageId);
    return true;
  }

  /** Sends a message not yet stored; the same `clientMessageId` makes a resend safe. */
  async deliver(conversationId: string, clientMessageId: string): Promise<void> {
    const message = this.host
      .messagesOf(conversationId)
      ?.find((m) => m.seq === null && m.clientMessageId === clientMessageId);
    if (!message || this.inFlight.has(clientMessageId)) return;
    this.inFlight.add(clientMessageId);
    this.host.updateMessages(conversationId, (m) => markDelivery(m, clientMessageId, 'pending'));
    const out = await this.host.commands.send({ conversationId, clientMessageId, text: message.text });
    this.inFlight.delete(clientMessageId);
    if (!out.ok && out.error.code === 'CONVERSATION_FORBIDDEN')
      return this.host.failed(conversationId, out.error);
    this.host.updateMessages(conversationId, (m) =>
      out.ok
        ? markSent(m, clientMessageId, out.data.seq, out.data.sentAt)
        : markDelivery(m, clientMessageId, 'failed', out.error),
    );
  }

  /** After a (re)connect: what was written meanwhile, or failed on the way, goes out again. */
  resendWaiting(conversationId: string): void {
    for (const m of this.host.messagesOf(conversationId) ?? []) {
      if (awaitsDelivery(m)) void this.deliver(conversationId, m.clientMessageId);
    }
  }

  /** Resumes from the last `seq` held, page by page; duplicates are dropped by `seq`. */
  async loadHistory(conversationId: string): Promise<void> {
    for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
      const held = this.host.messagesOf(conversationId);
      if (!held) return;
      const out = await this.host.commands.history({ conversationId, afterSeq: lastSeq(held) });
      if (!out.ok) return this.host.failed(conversationId, out.error);
      if (!this.host.messagesOf(conversationId)) return;
      this.host.updateMessages(conversationId, (m) => mergeStored(m, out.data.messages, this.host.author));
      if (!out.data.hasMore) return;
    }
  }

  /** The messages are on screen and the page has focus: tell the other side how far we have read. */
  async markRead(conversationId: string, readUpTo: number): Promise<void> {
    const held = this.host.messagesOf(conversationId);
    if (!held) return;
    const seq = this.readMarks.next(conversationId, lastSeqFrom(held, this.host.author), readUpTo);
    if (seq === null) return;
    const out = await this.host.commands.read({ conversationId, seq });
    if (!out.ok) {
      this.readMarks.failed(conversationId, seq);
      if (out.error.code === 'CONVERSATION_FORBIDDEN') this.host.failed(conversationId, out.error);
      return;
    }
    this.host.readAt(conversationId, out.data.seq);
  }

  /** Every change of a draft: the other side sees "is typing" (throttled). */
  draftChanged(conversationId: string, text: string): void {
    this.typingIn(conversationId).changed(text);
  }

  /** The conversation left the session: its typing signal goes too. */
  forget(conversationId: string): void {
    this.typing.delete(conversationId);
  }

  private typingIn(conversationId: string): TypingSignal {
    let signal = this.typing.get(conversationId);
    if (!signal) {
      // Best effort: a lost signal only means the indicator is late or expires on its own.
      signal = new TypingSignal((typing) => {
        if (this.host.typingAllowed?.(conversationId) === false) return;
        void this.host.commands.typing({ conversationId, typing });
      });
      this.typing.set(conversationId, signal);
    }
    return signal;
  }
}
