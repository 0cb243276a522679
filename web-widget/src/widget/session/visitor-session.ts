import {
  type CommandResult,
  isMessageTooLong,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type visitorCommands,
} from '@infocig/shared';
import {
  ACK_TIMEOUT_MS,
  addPending,
  announce,
  awaitsDelivery,
  type ConnectionOptions,
  lastSeq,
  markDelivery,
  markSent,
  mergeStored,
  pendingMessage,
  SocketSession,
} from '@infocig/shared/client';
import { listen } from './pushes.ts';
import {
  applyAssigned,
  applyClosed,
  applyMessage,
  applyPosition,
  applyReady,
  applyRequested,
} from './reducers.ts';
import { initialVisitorState, type VisitorState } from './state.ts';

type Result<K extends keyof typeof visitorCommands> = CommandResult<typeof visitorCommands, K>;

const HISTORY_PAGES_MAX = 50;

/**
 * One visitor's connection and everything the widget shows: identity, claims, the open
 * conversation and its messages. Components read it through `useVisitorSession`.
 */
export class VisitorSession extends SocketSession<VisitorState, VisitorServerEvents, VisitorClientEvents> {
  private readonly inFlight = new Set<string>();
  /** Pushes about a conversation we do not know yet, while `chat:request` awaits its ack. */
  private early: (() => void)[] | null = null;

  constructor(options: ConnectionOptions) {
    super({
      initial: initialVisitorState,
      namespace: NAMESPACES.visitor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
    listen(this.socket, {
      ready: (r) => void this.onReady(r),
      claims: (c) => this.setClaims(c),
      position: (p) => this.push(p, applyPosition),
      assigned: (a) => this.push(a, applyAssigned),
      message: (m) => this.push(m, applyMessage),
      closed: (c) => this.push(c, applyClosed),
    });
  }

  async requestChat(topic: string): Promise<void> {
    if (this.getState().busy) return;
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    this.early = [];
    const out = await this.call<Result<'chat:request'>>((ack) =>
      this.socket.timeout(ACK_TIMEOUT_MS).emit('chat:request', { topic: topic.trim() }, ack),
    );
    const early = this.early;
    this.early = null;
    if (!out.ok) return this.update((s) => ({ ...s, busy: false, commandError: out.error }));
    const conversation = out.data.conversation;
    this.update((s) => applyRequested(s, conversation));
    for (const replay of early) replay();
    if (conversation.lastSeq > 0) await this.loadHistory(conversation.id);
  }

  send(text: string): boolean {
    const { conversation, identity, connection } = this.getState();
    const trimmed = text.trim();
    if (!conversation || conversation.status === 'closed' || !trimmed || isMessageTooLong(trimmed))
      return false;
    const message = pendingMessage(conversation.id, 'visitor', identity?.displayName ?? '', trimmed);
    this.update((s) => ({ ...s, messages: addPending(s.messages, message) }));
    if (connection.kind === 'connected') void this.resend(message.clientMessageId); // else onReady sends it
    return true;
  }

  async closeChat(): Promise<void> {
    const conversation = this.getState().conversation;
    if (!conversation || conversation.status === 'closed') return;
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.call<Result<'chat:close'>>((ack) =>
      this.socket.timeout(ACK_TIMEOUT_MS).emit('chat:close', { conversationId: conversation.id }, ack),
    );
    this.update((s) => ({ ...s, busy: false, commandError: out.ok ? null : out.error }));
    if (out.ok) this.update((s) => applyClosed(s, { conversationId: conversation.id, closedBy: 'visitor' }));
  }

  /** Leaves a closed conversation behind, back to the request form. */
  startOver(): void {
    this.update((s) =>
      s.conversation?.status === 'closed' ? { ...s, conversation: null, messages: [] } : s,
    );
  }

  async refreshClaims(): Promise<void> {
    const out = await this.call<Result<'claims:get'>>((ack) =>
      this.socket.timeout(ACK_TIMEOUT_MS).emit('claims:get', {}, ack),
    );
    if (out.ok) this.setClaims(out.data);
    else this.update((s) => ({ ...s, commandError: out.error }));
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
    const out = await this.call<Result<'chat:send'>>((ack) =>
      this.socket.timeout(ACK_TIMEOUT_MS).emit('chat:send', { conversationId, clientMessageId, text }, ack),
    );
    this.inFlight.delete(clientMessageId);
    this.update((s) => ({
      ...s,
      messages: out.ok
        ? markSent(s.messages, clientMessageId, out.data.seq, out.data.sentAt)
        : markDelivery(s.messages, clientMessageId, 'failed', out.error),
    }));
  }

  private async onReady(ready: Parameters<VisitorServerEvents['session:ready']>[0]): Promise<void> {
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
  private async loadHistory(conversationId: string): Promise<void> {
    for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
      const afterSeq = lastSeq(this.getState().messages);
      const out = await this.call<Result<'chat:history'>>((ack) =>
        this.socket.timeout(ACK_TIMEOUT_MS).emit('chat:history', { conversationId, afterSeq }, ack),
      );
      if (!out.ok) return this.update((s) => ({ ...s, commandError: out.error }));
      if (this.getState().conversation?.id !== conversationId) return;
      this.update((s) => ({ ...s, messages: mergeStored(s.messages, out.data.messages, 'visitor') }));
      if (!out.data.hasMore) return;
    }
  }

  private setClaims(c: Result<'claims:get'>) {
    this.update((s) => ({ ...s, claims: { list: c.claims, asOf: c.asOf } }));
  }

  /** Applies a push about our conversation; holds it back while `chat:request` awaits its ack. */
  private push<P extends { conversationId: string }>(
    payload: P,
    reducer: (s: VisitorState, p: P) => VisitorState,
  ) {
    if (this.getState().conversation?.id !== payload.conversationId && this.early) {
      this.early.push(() => this.update((s) => reducer(s, payload)));
    } else this.update((s) => reducer(s, payload));
  }
}
