import { type AdvisorClientEvents, type AdvisorServerEvents, NAMESPACES } from '@infocig/shared';
import { announce, type ConnectionOptions, SocketSession, type UiError } from '@infocig/shared/client';
import { applyNoLongerHeld, applyReady, chatOf, updateMessages } from './reducers.ts';
import { applyRead, expireTyping } from './reducers-signals.ts';
import { type ConsoleState, initialConsoleState, type Push } from './state.ts';

/**
 * The advisor's chats over the socket, through the message path the widget shares
 * (`ConversationChannel`): replies sent safely, history resumed by `seq`, typing signals and read
 * marks. `AdvisorSession` adds the rest.
 */
export class AdvisorChatSession extends SocketSession<
  ConsoleState,
  AdvisorServerEvents,
  AdvisorClientEvents
> {
  private readonly channel = this.conversationChannel({
    author: 'advisor',
    messagesOf: (id) => chatOf(this.getState(), id)?.messages ?? null,
    updateMessages: (id, change) => this.update((s) => updateMessages(s, id, change)),
    failed: (id, error) => this.refused(id, error),
    readAt: (id, seq) => this.update((s) => applyRead(s, { conversationId: id, reader: 'advisor', seq })),
  });

  constructor(options: ConnectionOptions) {
    super({
      initial: initialConsoleState,
      namespace: NAMESPACES.advisor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
  }

  send(conversationId: string, text: string): boolean {
    const chat = chatOf(this.getState(), conversationId);
    if (!chat || chat.closedBy) return false;
    return this.channel.send(conversationId, this.getState().identity?.displayName ?? '', text);
  }

  /** Every change of a reply's draft: the visitor sees "is typing" (throttled). */
  draftChanged(conversationId: string, text: string): void {
    this.channel.draftChanged(conversationId, text);
  }

  resend(conversationId: string, clientMessageId: string): void {
    void this.channel.deliver(conversationId, clientMessageId);
  }

  /** The chat's messages are on screen and the console has focus: tell the visitor how far we have read. */
  async markRead(conversationId: string): Promise<void> {
    const chat = chatOf(this.getState(), conversationId);
    if (chat && !chat.closedBy)
      await this.channel.markRead(conversationId, chat.conversation.readUpTo.advisor);
  }

  /** A chat left the list: its typing signal goes too. */
  protected forget(conversationId: string): void {
    this.channel.forget(conversationId);
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
    this.channel.hideTypingLater(() => this.update((s) => expireTyping(s, Date.now())));
  }

  /** After every (re)connect: catch up each open chat from its last `seq`, then send what waited. */
  protected async onReady(ready: Push<'session:ready'>): Promise<void> {
    this.update((s) => applyReady(s, ready));
    const open = this.getState().chats.filter((c) => !c.closedBy);
    await Promise.all(open.map((c) => this.channel.loadHistory(c.conversation.id)));
    for (const chat of open) this.channel.resendWaiting(chat.conversation.id);
  }
}
