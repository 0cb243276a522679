import {
  type AdvisorClientEvents,
  type AdvisorServerEvents,
  isMessageTooLong,
  NAMESPACES,
} from '@infocig/shared';
import {
  addPending,
  announce,
  awaitsDelivery,
  type ConnectionOptions,
  lastSeq,
  lastSeqFrom,
  markDelivery,
  markSent,
  mergeStored,
  pendingMessage,
  ReadMarks,
  SocketSession,
  TYPING_SHOWN_MS,
  TypingSignal,
  type UiError,
} from '@infocig/shared/client';
import { applyNoLongerHeld, applyReady, chatOf, updateMessages } from './reducers.ts';
import { applyRead, expireTyping } from './reducers-signals.ts';
import { type ConsoleState, initialConsoleState, type Push } from './state.ts';

const HISTORY_PAGES_MAX = 50;

/**
 * The advisor's chats over the socket: replies sent safely (resent with the same id), history
 * resumed by `seq`, typing signals and read marks. `AdvisorSession` adds the rest.
 */
export class AdvisorChatSession extends SocketSession<
  ConsoleState,
  AdvisorServerEvents,
  AdvisorClientEvents
> {
  private readonly inFlight = new Set<string>();
  private readonly readMarks = new ReadMarks();
  private readonly typing = new Map<string, TypingSignal>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ConnectionOptions) {
    super({
      initial: initialConsoleState,
      namespace: NAMESPACES.advisor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
  }

  send(conversationId: string, text: string): boolean {
    const { identity, connection } = this.getState();
    const chat = chatOf(this.getState(), conversationId);
    const trimmed = text.trim();
    if (!chat || chat.closedBy || !trimmed || isMessageTooLong(trimmed)) return false;
    this.typingIn(conversationId).stopped();
    const message = pendingMessage(conversationId, 'advisor', identity?.displayName ?? '', trimmed);
    this.update((s) => updateMessages(s, conversationId, (m) => addPending(m, message)));
    if (connection.kind === 'connected') void this.deliver(conversationId, message.clientMessageId);
    return true;
  }

  /** Every change of a reply's draft: the visitor sees "is typing" (throttled). */
  draftChanged(conversationId: string, text: string): void {
    this.typingIn(conversationId).changed(text);
  }

  resend(conversationId: string, clientMessageId: string): void {
    void this.deliver(conversationId, clientMessageId);
  }

  /** The chat's messages are on screen and the console has focus: tell the visitor how far we have read. */
  async markRead(conversationId: string): Promise<void> {
    const chat = chatOf(this.getState(), conversationId);
    if (!chat || chat.closedBy) return;
    const last = lastSeqFrom(chat.messages, 'advisor');
    const seq = this.readMarks.next(conversationId, last, chat.conversation.readUpTo.advisor);
    if (seq === null) return;
    const out = await this.command('chat:read', { conversationId, seq });
    if (!out.ok) {
      if (out.error.code === 'CONVERSATION_FORBIDDEN') this.refused(conversationId, out.error);
      return this.readMarks.failed(conversationId, seq);
    }
    this.update((s) => applyRead(s, { conversationId, reader: 'advisor', seq: out.data.seq }));
  }

  override dispose(): void {
    clearTimeout(this.typingTimer);
    super.dispose();
  }

  /** A chat left the list: its typing signal goes too. */
  protected forget(conversationId: string): void {
    this.typing.delete(conversationId);
  }

  /** A command on a chat failed; CONVERSATION_FORBIDDEN means it is no longer ours, and it leaves. */
  private refused(conversationId: string, error: UiError): void {
    if (error.code === 'CONVERSATION_FORBIDDEN') {
      this.forget(conversationId);
      this.update((s) => applyNoLongerHeld(s, conversationId));
    } else {
      this.update((s) => ({ ...s, commandError: error }));
    }
  }

  /** After a `chat:typing` push: hide "is typing" once no refresh came in time. */
  protected expireTypingLater(): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.update((s) => expireTyping(s, Date.now())), TYPING_SHOWN_MS);
  }

  /** After every (re)connect: catch up each open chat from its last `seq`, then send what waited. */
  protected async onReady(ready: Push<'session:ready'>): Promise<void> {
    this.update((s) => applyReady(s, ready));
    const open = this.getState().chats.filter((c) => !c.closedBy);
    await Promise.all(open.map((c) => this.loadHistory(c.conversation.id)));
    for (const chat of open) {
      for (const m of this.messagesOf(chat.conversation.id)) {
        if (awaitsDelivery(m)) {
          void this.deliver(chat.conversation.id, m.clientMessageId);
        }
      }
    }
  }

  private typingIn(conversationId: string): TypingSignal {
    let signal = this.typing.get(conversationId);
    if (!signal) {
      // Best effort: a lost signal only means the indicator is late or expires on its own.
      signal = new TypingSignal((typing) => {
        void this.command('chat:typing', { conversationId, typing });
      });
      this.typing.set(conversationId, signal);
    }
    return signal;
  }

  private messagesOf(conversationId: string) {
    return chatOf(this.getState(), conversationId)?.messages ?? [];
  }

  private async deliver(conversationId: string, clientMessageId: string): Promise<void> {
    const message = this.messagesOf(conversationId).find(
      (m) => m.seq === null && m.clientMessageId === clientMessageId,
    );
    if (!message || this.inFlight.has(clientMessageId)) return;
    this.inFlight.add(clientMessageId);
    this.update((s) => updateMessages(s, conversationId, (m) => markDelivery(m, clientMessageId, 'pending')));
    const out = await this.command('chat:send', { conversationId, clientMessageId, text: message.text });
    this.inFlight.delete(clientMessageId);
    if (!out.ok && out.error.code === 'CONVERSATION_FORBIDDEN')
      return this.refused(conversationId, out.error);
    this.update((s) =>
      updateMessages(s, conversationId, (m) =>
        out.ok
          ? markSent(m, clientMessageId, out.data.seq, out.data.sentAt)
          : markDelivery(m, clientMessageId, 'failed', out.error),
      ),
    );
  }

  private async loadHistory(conversationId: string): Promise<void> {
    for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
      const afterSeq = lastSeq(this.messagesOf(conversationId));
      const out = await this.command('chat:history', { conversationId, afterSeq });
      if (!out.ok) return this.refused(conversationId, out.error);
      this.update((s) =>
        updateMessages(s, conversationId, (m) => mergeStored(m, out.data.messages, 'advisor')),
      );
      if (!out.data.hasMore) return;
    }
  }
}
