import {
  type CommandResult,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type visitorCommands,
} from '@infocig/shared';
import { announce, type ConnectionOptions, SocketSession } from '@infocig/shared/client';
import { applyClosed, applyReady } from './reducers.ts';
import { applyRead, expireTyping } from './reducers-chat.ts';
import { initialVisitorState, type Push, type VisitorState } from './state.ts';

export type Result<K extends keyof typeof visitorCommands> = CommandResult<typeof visitorCommands, K>;

/**
 * The visitor's conversation over the socket, through the message path the console shares
 * (`ConversationChannel`): messages sent safely, history resumed by `seq`, typing signals and read
 * marks. `VisitorSession` adds the rest.
 */
export class VisitorChatSession extends SocketSession<
  VisitorState,
  VisitorServerEvents,
  VisitorClientEvents
> {
  private readonly channel = this.conversationChannel({
    author: 'visitor',
    messagesOf: (id) => (this.getState().conversation?.id === id ? this.getState().messages : null),
    updateMessages: (id, change) =>
      this.update((s) => (s.conversation?.id === id ? { ...s, messages: change(s.messages) } : s)),
    failed: (_id, error) => this.update((s) => ({ ...s, commandError: error })),
    readAt: (id, seq) => this.update((s) => applyRead(s, { conversationId: id, reader: 'visitor', seq })),
    // Nothing while queued: nobody is there to see it.
    typingAllowed: (id) =>
      this.getState().conversation?.id === id && this.getState().conversation?.status === 'active',
  });

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
    const { conversation, identity } = this.getState();
    if (!conversation || conversation.status === 'closed') return false;
    return this.channel.send(conversation.id, identity?.displayName ?? '', text);
  }

  /** Every change of the draft: the advisor sees "is typing" (throttled; nothing while queued). */
  draftChanged(text: string): void {
    const conversation = this.getState().conversation;
    if (conversation) this.channel.draftChanged(conversation.id, text);
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
    const { conversation } = this.getState();
    if (!conversation || conversation.status === 'closed') return;
    await this.channel.markRead(conversation.id, conversation.readUpTo.visitor);
  }

  /** Sends a message not yet stored; the same `clientMessageId` makes a resend safe. */
  async resend(clientMessageId: string): Promise<void> {
    const conversation = this.getState().conversation;
    if (conversation) await this.channel.deliver(conversation.id, clientMessageId);
  }

  /** After a `chat:typing` push: hide "is typing" once no refresh came in time. */
  protected expireTypingLater(): void {
    if (this.getState().advisorTypingUntil === null) return;
    this.channel.hideTypingLater(() => this.update((s) => expireTyping(s, Date.now())));
  }

  protected async onReady(ready: Push<'session:ready'>): Promise<void> {
    this.update((s) => applyReady(s, ready));
    const conversation = this.getState().conversation;
    if (!conversation || conversation.status === 'closed') return;
    await this.channel.loadHistory(conversation.id);
    this.channel.resendWaiting(conversation.id);
  }

  /** Resumes from the last `seq` held, page by page; duplicates are dropped by `seq`. */
  protected loadHistory(conversationId: string): Promise<void> {
    return this.channel.loadHistory(conversationId);
  }
}
