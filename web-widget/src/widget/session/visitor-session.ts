import {
  type ChatMessage,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@infocig/shared';
import { announce, type ConnectionOptions, hasGapBelow, SocketSession } from '@infocig/shared/client';
import { VisitorChat } from './chat-part.ts';
import { VisitorClaims } from './claims-part.ts';
import { listen } from './pushes.ts';
import {
  applyAssigned,
  applyClosed,
  applyOffered,
  applyPosition,
  applyReady,
  applyRequested,
  applyRequeued,
} from './reducers.ts';
import { applyMessage, applyRead, applyTyping } from './reducers-chat.ts';
import { applyAdmissionChanged, applyClaimsUnavailable } from './reducers-claims.ts';
import {
  applyFollowUpAnswered,
  applyFollowUpCreated,
  applyFollowUps,
  applyFollowUpUpdated,
  applyServiceClosed,
  applyServiceOpened,
} from './reducers-followups.ts';
import { initialVisitorState, type Push, type VisitorState } from './state.ts';

/**
 * One visitor's connection and everything the widget shows, over one socket and one store: their
 * claims (`claims`), the conversation (`chat`), and the way to an advisor (a chat or a message
 * left for later). Components read it through `useVisitorSession`.
 */
export class VisitorSession extends SocketSession<VisitorState, VisitorServerEvents, VisitorClientEvents> {
  readonly claims = new VisitorClaims(this.core);
  readonly chat: VisitorChat;
  /** Pushes about a conversation we do not know yet, while `chat:request` awaits its ack. */
  private early: (() => void)[] | null = null;
  /** The queued conversation a follow-up is replacing: its `chat:closed` waits for the outcome. */
  private leaving: { conversationId: string; closed: Push<'chat:closed'> | null } | null = null;
  private openingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ConnectionOptions) {
    super({
      initial: initialVisitorState,
      namespace: NAMESPACES.visitor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
    this.chat = new VisitorChat(this.core, (host) => this.conversationChannel(host), options);
    listen(this.socket, {
      ready: (r) => {
        this.update((s) => applyReady(s, r));
        void this.chat.resume();
        this.watchOpening();
        this.claims.afterReady();
      },
      claims: (c) => this.claims.set(c),
      claimsUnavailable: () => this.update(applyClaimsUnavailable),
      position: (p) => this.push(p, applyPosition),
      offered: (o) => this.push(o, applyOffered),
      requeued: (r) => this.push(r, applyRequeued),
      assigned: (a) => this.push(a, applyAssigned),
      message: (m) => {
        this.push(m, applyMessage);
        this.checkMissed(m);
      },
      typing: (t) => {
        this.push(t, (s, p) => applyTyping(s, p, Date.now()));
        this.chat.typingShown();
      },
      read: (r) => this.push(r, applyRead),
      closed: (c) => {
        if (this.leaving?.conversationId === c.conversationId) this.leaving.closed = c;
        else this.push(c, applyClosed);
      },
      answered: (f) => this.update((s) => applyFollowUpAnswered(s, f)),
      updated: (f) => this.update((s) => applyFollowUpUpdated(s, f)),
      admission: (a) => this.update((s) => applyAdmissionChanged(s, a)),
    });
  }

  /**
   * Asks for an advisor about the company whose claims are shown (an intermediary must have
   * picked one) and, optionally, one of its applications, like the original pre-chat form.
   */
  async requestChat(topic: string, applicationId?: string): Promise<void> {
    const { busy, selectedCompanyCf } = this.getState();
    if (busy) return;
    this.update((s) => ({ ...s, busy: true, commandError: null, accessNotice: null }));
    this.early = [];
    const payload = {
      topic: topic.trim(),
      ...(selectedCompanyCf ? { companyCf: selectedCompanyCf } : {}),
      ...(applicationId ? { applicationId } : {}),
    };
    const out = await this.command('chat:request', payload);
    const early = this.early;
    this.early = null;
    if (!out.ok) {
      // The topic follows the person into the message they can leave instead.
      if (out.error.code === 'SERVICE_CLOSED')
        return this.update((s) => applyServiceClosed(s, payload.topic));
      if (out.error.code === 'ACCESS_FORBIDDEN') return this.claims.explainRefusal(applicationId, out.error);
      return this.update((s) => ({ ...s, busy: false, commandError: out.error }));
    }
    const conversation = out.data.conversation;
    this.update((s) => applyRequested(s, conversation));
    for (const replay of early) replay();
    if (conversation.lastSeq > 0) await this.chat.loadHistory(conversation.id);
  }

  /**
   * Leaves a message for an advisor; with `instead` the queued conversation is given up for it.
   * True when the server took it (the form then empties).
   */
  async leaveFollowUp(topic: string, text: string, instead?: string): Promise<boolean> {
    if (this.getState().busy) return false;
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    this.leaving = instead ? { conversationId: instead, closed: null } : null;
    const payload = {
      topic: topic.trim(),
      text: text.trim(),
      ...(instead ? { conversationId: instead } : {}),
    };
    const out = await this.command('followup:create', payload);
    const closed = this.leaving?.closed;
    this.leaving = null;
    if (out.ok) {
      this.update((s) => applyFollowUpCreated(s, out.data.followUp, instead));
      return true;
    }
    this.update((s) => ({ ...s, busy: false, commandError: out.error }));
    if (closed) this.update((s) => applyClosed(s, closed));
    return false;
  }

  async refreshFollowUps(): Promise<void> {
    const out = await this.command('followup:list', {});
    this.update((s) => (out.ok ? applyFollowUps(s, out.data.followUps) : { ...s, commandError: out.error }));
  }

  override dispose(): void {
    clearTimeout(this.openingTimer);
    super.dispose();
  }

  /** Nothing is pushed when the service opens: at the announced time, offer the chat again. */
  private watchOpening(): void {
    clearTimeout(this.openingTimer);
    const opensAt = this.getState().service?.opensAt;
    if (!opensAt) return;
    const delay = Math.min(Math.max(0, Date.parse(opensAt) - Date.now()), 2 ** 31 - 1);
    this.openingTimer = setTimeout(() => this.update((s) => applyServiceOpened(s, Date.now())), delay);
  }

  /**
   * A message for a chat the widget was never told about, or one that leaves a hole in the chat's
   * messages, means pushes were missed: unless they turn up within the grace period, the session
   * is set up again and the server hands the chat over afresh.
   */
  private checkMissed(m: ChatMessage): void {
    const missing = () => {
      const s = this.getState();
      return s.conversation?.id === m.conversationId ? hasGapBelow(s.messages, m.seq) : true;
    };
    if (missing()) this.suspectMissed(missing);
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
