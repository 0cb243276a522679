import type { CommandResult, VisitorClientEvents, visitorCommands } from '@infocig/shared';
import type {
  ChannelFactory,
  ConnectionOptions,
  ConversationChannel,
  SessionCore,
} from '@infocig/shared/client';
import { applyClosed, applyRated } from './reducers.ts';
import { applyRead, expireTyping } from './reducers-chat.ts';
import type { VisitorState } from './state.ts';

export type Result<K extends keyof typeof visitorCommands> = CommandResult<typeof visitorCommands, K>;

/** The visitor session's store and commands, as its parts use them. */
export type VisitorCore = SessionCore<VisitorState, VisitorClientEvents>;

/**
 * The visitor's part of the conversation, through the message path the console shares
 * (`ConversationChannel`): messages sent safely, history resumed by `seq`, typing signals and read
 * marks, closing, and the transcript to keep.
 */
export class VisitorChat {
  private readonly channel: ConversationChannel;

  constructor(
    private readonly core: VisitorCore,
    channelOf: ChannelFactory,
    private readonly options: ConnectionOptions,
  ) {
    const { getState, update } = core;
    this.channel = channelOf({
      author: 'visitor',
      messagesOf: (id) => (getState().conversation?.id === id ? getState().messages : null),
      updateMessages: (id, change) =>
        update((s) => (s.conversation?.id === id ? { ...s, messages: change(s.messages) } : s)),
      failed: (_id, error) => update((s) => ({ ...s, commandError: error })),
      readAt: (id, seq) => update((s) => applyRead(s, { conversationId: id, reader: 'visitor', seq })),
      // Nothing while queued: nobody is there to see it.
      typingAllowed: (id) =>
        getState().conversation?.id === id && getState().conversation?.status === 'active',
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
      this.core.update((s) => ({ ...s, commandError: { code: 'CONNECTION_FAILED', message } }));
    }
  }

  send(text: string): boolean {
    const { conversation, identity } = this.core.getState();
    if (!conversation || conversation.status === 'closed') return false;
    return this.channel.send(conversation.id, identity?.displayName ?? '', text);
  }

  /** Every change of the draft: the advisor sees "is typing" (throttled; nothing while queued). */
  draftChanged(text: string): void {
    const conversation = this.core.getState().conversation;
    if (conversation) this.channel.draftChanged(conversation.id, text);
  }

  async close(): Promise<void> {
    const { core } = this;
    const conversation = core.getState().conversation;
    if (!conversation || conversation.status === 'closed') return;
    core.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await core.command('chat:close', { conversationId: conversation.id });
    core.update((s) => ({ ...s, busy: false, commandError: out.ok ? null : out.error }));
    if (out.ok) core.update((s) => applyClosed(s, { conversationId: conversation.id, closedBy: 'visitor' }));
  }

  /** Rates the closed conversation (once): 1–5 stars and an optional comment. True once stored. */
  async rate(stars: number, comment: string): Promise<boolean> {
    const { core } = this;
    const conversation = core.getState().conversation;
    if (conversation?.status !== 'closed' || core.getState().busy) return false;
    core.update((s) => ({ ...s, busy: true, commandError: null }));
    const text = comment.trim();
    const out = await core.command('chat:rate', {
      conversationId: conversation.id,
      stars,
      ...(text ? { comment: text } : {}),
    });
    if (out.ok) core.update((s) => applyRated(s, conversation.id, out.data.rating));
    else core.update((s) => ({ ...s, busy: false, commandError: out.error }));
    return out.ok;
  }

  /**
   * Puts the closed conversation away for good (on every device): back to the request form. Its
   * transcript can still be downloaded from the person's area for the retention period.
   */
  async dismiss(): Promise<void> {
    const { core } = this;
    const conversation = core.getState().conversation;
    if (conversation?.status !== 'closed') return;
    core.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await core.command('chat:dismiss', { conversationId: conversation.id });
    core.update((s) => ({ ...s, busy: false, commandError: out.ok ? null : out.error }));
    if (out.ok) this.startOver();
  }

  /** Leaves a closed conversation behind, back to the request form. */
  startOver(): void {
    this.core.update((s) =>
      s.conversation?.status === 'closed' ? { ...s, conversation: null, messages: [] } : s,
    );
  }

  /** The messages are on screen and the page has focus: tell the advisor how far we have read. */
  async markRead(): Promise<void> {
    const { conversation } = this.core.getState();
    if (!conversation || conversation.status === 'closed') return;
    await this.channel.markRead(conversation.id, conversation.readUpTo.visitor);
  }

  /** Sends a message not yet stored; the same `clientMessageId` makes a resend safe. */
  async resend(clientMessageId: string): Promise<void> {
    const conversation = this.core.getState().conversation;
    if (conversation) await this.channel.deliver(conversation.id, clientMessageId);
  }

  /** After a `chat:typing` push: hide "is typing" once no refresh came in time. */
  typingShown(): void {
    if (this.core.getState().advisorTypingUntil === null) return;
    this.channel.hideTypingLater(() => this.core.update((s) => expireTyping(s, Date.now())));
  }

  /** After every (re)connect: the open conversation catches up from its last `seq`, then what waited goes out. */
  async resume(): Promise<void> {
    const { conversation, messages } = this.core.getState();
    if (!conversation) return;
    // A closed chat handed over after a reload: its messages, once.
    if (conversation.status === 'closed') {
      if (messages.length === 0 && conversation.lastSeq > 0) await this.channel.loadHistory(conversation.id);
      return;
    }
    await this.channel.loadHistory(conversation.id);
    this.channel.resendWaiting(conversation.id);
  }

  /** Resumes from the last `seq` held, page by page; duplicates are dropped by `seq`. */
  loadHistory(conversationId: string): Promise<void> {
    return this.channel.loadHistory(conversationId);
  }
}
