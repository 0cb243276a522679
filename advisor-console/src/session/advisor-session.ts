import {
  type AdvisorAvailability,
  type AdvisorClientEvents,
  type AdvisorServerEvents,
  type advisorCommands,
  type CommandResult,
  isMessageTooLong,
  NAMESPACES,
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
  applyQueueStats,
  applyReady,
  dismiss,
  select,
  updateMessages,
} from './reducers.ts';
import { type ConsoleState, initialConsoleState, type Push } from './state.ts';

type Result<K extends keyof typeof advisorCommands> = CommandResult<typeof advisorCommands, K>;

const HISTORY_PAGES_MAX = 50;

/** The advisor's connection and the chats they hold. Components read it through `useAdvisorSession`. */
export class AdvisorSession extends SocketSession<ConsoleState, AdvisorServerEvents, AdvisorClientEvents> {
  private readonly inFlight = new Set<string>();

  constructor(options: ConnectionOptions) {
    super({
      initial: initialConsoleState,
      namespace: NAMESPACES.advisor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
    listen(this.socket, {
      ready: (r) => void this.onReady(r),
      assigned: (c) => this.update((x) => applyAssigned(x, c)),
      message: (m) => this.update((x) => applyMessage(x, m)),
      closed: (c) => this.update((x) => applyClosed(x, c)),
      queueStats: (q) => this.update((x) => applyQueueStats(x, q)),
    });
  }

  select(conversationId: string): void {
    this.update((s) => select(s, conversationId));
  }

  dismiss(conversationId: string): void {
    this.update((s) => dismiss(s, conversationId));
  }

  async setAvailability(availability: AdvisorAvailability): Promise<void> {
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.call<Result<'advisor:availability'>>((ack) =>
      this.socket.timeout(ACK_TIMEOUT_MS).emit('advisor:availability', { availability }, ack),
    );
    this.update((s) =>
      out.ok
        ? announce(
            { ...s, busy: false, availability: out.data.availability },
            { kind: 'availability', availability },
          )
        : { ...s, busy: false, commandError: out.error },
    );
  }

  send(conversationId: string, text: string): boolean {
    const { chats, identity, connection } = this.getState();
    const chat = chats.find((c) => c.conversation.id === conversationId);
    const trimmed = text.trim();
    if (!chat || chat.closedBy || !trimmed || isMessageTooLong(trimmed)) return false;
    const message = pendingMessage(conversationId, 'advisor', identity?.displayName ?? '', trimmed);
    this.update((s) => updateMessages(s, conversationId, (m) => addPending(m, message)));
    if (connection.kind === 'connected') void this.deliver(conversationId, message.clientMessageId);
    return true;
  }

  resend(conversationId: string, clientMessageId: string): void {
    void this.deliver(conversationId, clientMessageId);
  }

  async close(conversationId: string): Promise<void> {
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.call<Result<'chat:close'>>((ack) =>
      this.socket.timeout(ACK_TIMEOUT_MS).emit('chat:close', { conversationId }, ack),
    );
    this.update((s) => {
      const next = { ...s, busy: false, commandError: out.ok ? null : out.error };
      return out.ok ? applyClosed(next, { conversationId, closedBy: 'advisor' }) : next;
    });
  }

  private messagesOf(conversationId: string) {
    return this.getState().chats.find((c) => c.conversation.id === conversationId)?.messages ?? [];
  }

  private async deliver(conversationId: string, clientMessageId: string): Promise<void> {
    const message = this.messagesOf(conversationId).find(
      (m) => m.seq === null && m.clientMessageId === clientMessageId,
    );
    if (!message || this.inFlight.has(clientMessageId)) return;
    this.inFlight.add(clientMessageId);
    this.update((s) => updateMessages(s, conversationId, (m) => markDelivery(m, clientMessageId, 'pending')));
    const out = await this.call<Result<'chat:send'>>((ack) =>
      this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('chat:send', { conversationId, clientMessageId, text: message.text }, ack),
    );
    this.inFlight.delete(clientMessageId);
    this.update((s) =>
      updateMessages(s, conversationId, (m) =>
        out.ok
          ? markSent(m, clientMessageId, out.data.seq, out.data.sentAt)
          : markDelivery(m, clientMessageId, 'failed', out.error),
      ),
    );
  }

  /** After every (re)connect: catch up each open chat from its last `seq`, then send what waited. */
  private async onReady(ready: Push<'session:ready'>): Promise<void> {
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

  private async loadHistory(conversationId: string): Promise<void> {
    for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
      const afterSeq = lastSeq(this.messagesOf(conversationId));
      const out = await this.call<Result<'chat:history'>>((ack) =>
        this.socket.timeout(ACK_TIMEOUT_MS).emit('chat:history', { conversationId, afterSeq }, ack),
      );
      if (!out.ok) return this.update((s) => ({ ...s, commandError: out.error }));
      this.update((s) =>
        updateMessages(s, conversationId, (m) => mergeStored(m, out.data.messages, 'advisor')),
      );
      if (!out.data.hasMore) return;
    }
  }
}
