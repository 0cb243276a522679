import type { AdvisorClientEvents } from '@infocig/shared';
import type { ChannelFactory, ConversationChannel, SessionCore, UiError } from '@infocig/shared/client';
import { applyNoLongerHeld, chatOf, updateMessages } from './reducers.ts';
import { applyRead, expireTyping } from './reducers-signals.ts';
import type { ConsoleState } from './state.ts';

/** The console session's store and commands, as its parts use them. */
export type ConsoleCore = SessionCore<ConsoleState, AdvisorClientEvents>;

/**
 * The advisor's chats, through the message path the widget shares (`ConversationChannel`):
 * replies sent safely, history resumed by `seq`, typing signals and read marks.
 */
export class AdvisorChats {
  private readonly channel: ConversationChannel;

  constructor(
    private readonly core: ConsoleCore,
    channelOf: ChannelFactory,
  ) {
    const { getState, update } = core;
    this.channel = channelOf({
      author: 'advisor',
      messagesOf: (id) => chatOf(getState(), id)?.messages ?? null,
      updateMessages: (id, change) => update((s) => updateMessages(s, id, change)),
      failed: (id, error) => this.refused(id, error),
      readAt: (id, seq) => update((s) => applyRead(s, { conversationId: id, reader: 'advisor', seq })),
    });
  }

  send(conversationId: string, text: string): boolean {
    const state = this.core.getState();
    const chat = chatOf(state, conversationId);
    if (!chat || chat.closedBy) return false;
    return this.channel.send(conversationId, state.identity?.displayName ?? '', text);
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
    const chat = chatOf(this.core.getState(), conversationId);
    if (chat && !chat.closedBy)
      await this.channel.markRead(conversationId, chat.conversation.readUpTo.advisor);
  }

  /** A chat left the list: its typing signal goes too. */
  forget(conversationId: string): void {
    this.channel.forget(conversationId);
  }

  /** After a `chat:typing` push: hide "is typing" once no refresh came in time. */
  typingShown(): void {
    this.channel.hideTypingLater(() => this.core.update((s) => expireTyping(s, Date.now())));
  }

  /** After every (re)connect: catch up each open chat from its last `seq`, then send what waited. */
  async resume(): Promise<void> {
    const open = this.core.getState().chats.filter((c) => !c.closedBy);
    await Promise.all(open.map((c) => this.channel.loadHistory(c.conversation.id)));
    for (const chat of open) this.channel.resendWaiting(chat.conversation.id);
  }

  /** A command on a chat failed; CONVERSATION_FORBIDDEN means it is no longer ours, and it leaves. */
  private refused(conversationId: string, error: UiError): void {
    if (error.code === 'CONVERSATION_FORBIDDEN') {
      this.forget(conversationId);
      this.core.update((s) => applyNoLongerHeld(s, conversationId));
    } else {
      this.core.update((s) => ({ ...s, commandError: error }));
    }
  }
}
