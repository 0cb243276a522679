import {
  type CommandResult,
  isMessageTooLong,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type visitorCommands,
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
} from '@infocig/shared/client';
import { applyClosed, applyReady } from './reducers.ts';
import { applyRead, expireTyping } from './reducers-chat.ts';
import { initialVisitorState, type Push, type VisitorState } from './state.ts';

export type Result<K extends keyof typeof visitorCommands> = CommandResult<typeof visitorCommands, K>;

const HISTORY_PAGES_MAX = 50;

/**
 * The visitor's conversation over the socket: messages sent safely (resent with the same id),
 * history resumed by `seq`, typing signals and read marks. `VisitorSession` adds the rest.
 */
export class VisitorChatSession extends SocketSession<
  VisitorState,
  VisitorServerEvents,
  VisitorClientEvents
> {
  private readonly inFlight = new Set<string>();
  private readonly readMarks = new ReadMarks();
  private readonly typing = new TypingSignal((typing) => this.sendTyping(typing));
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ConnectionOptions) {
    super({
      initial: initialVisitorState,
      namespace: NAMESPACES.visitor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
  }

  /**
   * The conversation as a text file for the person to keep (live or closed, for the retention
   * period), fetched with their token and handed to the browser as a download.
   */
  async downloadTranscript(conversationId: string): Promise<void> {
    try {
      const token = await this.options.getToken();
      const res = await fetch(`${this.options.serverUrl}/api/me/conversations/${conversationId}/transcript`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`transcript: HTTP ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `infocig-${conversationId}.txt`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.update((s) => ({ ...s, commandError: { code: 'CONNECTION_FAILED', message } }));
    }
  }

  send(text: string): boolean {
    const { conversation, identity, connection } = this.getState();
    const trimmed = text.trim();
    if (!conversation || conversation.status === 'closed' || !trimmed || isMessageTooLong(trimmed))
      return false;
    this.typing.stopped();
    const message = pendingMessage(conversation.id, 'visitor', identity?.displayName ?? '', trimmed);
    this.update((s) => ({ ...s, messages: addPending(s.messages, message) }));
    if (connection.kind === 'connected') void this.resend(message.clientMessageId); // else onReady sends it
    return true;
  }

  /** Every change of the draft: the advisor sees "is typing" (throttled; nothing while queued). */
  draftChanged(text: string): void {
    this.typing.changed(text);
  }

  async closeChat(): Promise<void> {
    const conversation = this.getState().conversation;
    if (!conversation || conversation.status === 'closed') return;
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.command('chat:close', { conversationId: conversation.id });
    this.update((s) => ({ ...s, busy: false, commandError: out.ok ? null : out.error }));
    if (out.ok) this.update((s) => applyClosed(s, { conversationId: conversation.id, closedBy: 'visitor' }));
  }

  /** Leaves a closed conversation behind, back to the request form. */
  startOver(): void {
    this.update((s) =>
      s.conversation?.status === 'closed' ? { ...s, conversation: null, messages: [] } : s,
    );
  }

  /** The messages are on screen and the page has focus: tell the advisor how far we have read. */
  async markRead(): Promise<void> {
    const { conversation, messages } = this.getState();
    if (!conversation || conversation.status === 'closed') return;
    const id = conversation.id;
    const seq = this.readMarks.next(id, lastSeqFrom(messages, 'visitor'), conversation.readUpTo.visitor);
    if (seq === null) return;
    const out = await this.command('chat:read', { conversationId: id, seq });
    if (!out.ok) return this.readMarks.failed(id, seq);
    this.update((s) => applyRead(s, { conversationId: id, reader: 'visitor', seq: out.data.seq }));
  }

  /** Sends a message not yet stored; the same `clientMessageId` makes a resend safe. */
  async resend(clientMessageId: string): Promise<void> {
    const message = this.getState().messages.find(
      (m) => m.seq === null && m.clientMessageId === clientMessageId,
    );
    if (!message || this.inFlight.has(clientMessageId)) return;
    this.inFlight.add(clientMessageId);
    this.update((s) => ({ ...s, messages: markDelivery(s.messages, clientMessageId, 'pending') }));
    const { conversationId, text } = message;
    const out = await this.command('chat:send', { conversationId, clientMessageId, text });
    this.inFlight.delete(clientMessageId);
    this.update((s) => ({
      ...s,
      messages: out.ok
        ? markSent(s.messages, clientMessageId, out.data.seq, out.data.sentAt)
        : markDelivery(s.messages, clientMessageId, 'failed', out.error),
    }));
  }

  override dispose(): void {
    clearTimeout(this.typingTimer);
    super.dispose();
  }

  /** After a `chat:typing` push: hide "is typing" once no refresh came in time. */
  protected expireTypingLater(): void {
    clearTimeout(this.typingTimer);
    const until = this.getState().advisorTypingUntil;
    if (until === null) return;
    this.typingTimer = setTimeout(() => this.update((s) => expireTyping(s, Date.now())), TYPING_SHOWN_MS);
  }

  protected async onReady(ready: Push<'session:ready'>): Promise<void> {
    this.update((s) => applyReady(s, ready));
    const conversation = this.getState().conversation;
    if (!conversation || conversation.status === 'closed') return;
    await this.loadHistory(conversation.id);
    for (const m of this.getState().messages) {
      if (awaitsDelivery(m)) {
        void this.resend(m.clientMessageId);
      }
    }
  }

  /** Resumes from the last `seq` held, page by page; duplicates are dropped by `seq`. */
  protected async loadHistory(conversationId: string): Promise<void> {
    for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
      const afterSeq = lastSeq(this.getState().messages);
      const out = await this.command('chat:history', { conversationId, afterSeq });
      if (!out.ok) return this.update((s) => ({ ...s, commandError: out.error }));
      if (this.getState().conversation?.id !== conversationId) return;
      this.update((s) => ({ ...s, messages: mergeStored(s.messages, out.data.messages, 'visitor') }));
      if (!out.data.hasMore) return;
    }
  }

  /** Best effort: a lost typing signal only means the indicator is a little late or expires on its own. */
  private sendTyping(typing: boolean): void {
    const c = this.getState().conversation;
    if (c?.status !== 'active') return;
    void this.command('chat:typing', { conversationId: c.id, typing });
  }
}
