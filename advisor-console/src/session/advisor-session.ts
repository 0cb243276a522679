import {
  type AdvisorAvailability,
  type AdvisorClientEvents,
  type AdvisorServerEvents,
  type Audience,
  type CaseOutcome,
  type ChatMessage,
  NAMESPACES,
} from '@infocig/shared';
import { announce, type ConnectionOptions, hasGapBelow, SocketSession } from '@infocig/shared/client';
import { AdvisorChats } from './chat-part.ts';
import { listen } from './pushes.ts';
import {
  applyAssigned,
  applyClosed,
  applyMessage,
  applyNote,
  applyQueueStats,
  applyReady,
  applyReleased,
  chatOf,
  dismiss,
  select,
} from './reducers.ts';
import { applyFollowUpAnswered, applyFollowUpError, applyFollowUps } from './reducers-followups.ts';
import { applyAvailability, applyColleagues, applyProfile } from './reducers-profile.ts';
import { applyRead, applyStaffAnnouncement, applyTyping, dismissStaffNotice } from './reducers-signals.ts';
import { Referrals } from './referrals-part.ts';
import { type ConsoleState, initialConsoleState } from './state.ts';

export type TransferTarget = { queue: Audience } | { advisorId: string };

/**
 * The advisor's connection, profile, chats (`chats`) and follow-ups, over one socket and one store.
 * Components read it through `useAdvisorSession`.
 */
export class AdvisorSession extends SocketSession<ConsoleState, AdvisorServerEvents, AdvisorClientEvents> {
  readonly chats = new AdvisorChats(this.core, (host) => this.conversationChannel(host));
  readonly referrals = new Referrals(this.core);

  constructor(options: ConnectionOptions) {
    super({
      initial: initialConsoleState,
      namespace: NAMESPACES.advisor,
      connection: options,
      announceLost: (s) => announce(s, { kind: 'connection-lost' }),
    });
    listen(this.socket, {
      ready: (r) => {
        this.update((x) => applyReady(x, r));
        void this.chats.resume();
        void this.loadCanned();
      },
      profile: (p) => this.update((x) => applyProfile(x, p)),
      assigned: (c) => this.update((x) => applyAssigned(x, c)),
      released: (r) => {
        this.chats.forget(r.conversationId);
        this.update((x) => applyReleased(x, r));
      },
      message: (m) => {
        this.update((x) => applyMessage(x, m));
        this.checkMissed(m);
      },
      typing: (t) => {
        this.update((x) => applyTyping(x, t, Date.now()));
        this.chats.typingShown();
      },
      read: (r) => this.update((x) => applyRead(x, r)),
      closed: (c) => this.update((x) => applyClosed(x, c)),
      queueStats: (q) => this.update((x) => applyQueueStats(x, q)),
      staffAnnouncement: (a) => this.update((x) => applyStaffAnnouncement(x, a)),
    });
  }

  /**
   * A message for a chat this console was never told about, or one that leaves a hole in a chat's
   * messages, means pushes were missed: unless the assignment or the missing messages turn up
   * within the grace period, the session is set up again and the server hands everything over.
   */
  private checkMissed(m: ChatMessage): void {
    const missing = () => {
      const chat = chatOf(this.getState(), m.conversationId);
      return chat ? hasGapBelow(chat.messages, m.seq) : true;
    };
    if (missing()) this.suspectMissed(missing);
  }

  select(conversationId: string): void {
    this.update((s) => select(s, conversationId));
  }

  dismissStaffNotice(): void {
    this.update(dismissStaffNotice);
  }

  dismiss(conversationId: string): void {
    this.chats.forget(conversationId);
    this.update((s) => dismiss(s, conversationId));
  }

  async setAvailability(availability: AdvisorAvailability): Promise<void> {
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.command('advisor:availability', { availability });
    this.update((s) =>
      out.ok
        ? applyAvailability({ ...s, busy: false }, out.data.availability)
        : { ...s, busy: false, commandError: out.error },
    );
  }

  /** Queues served and capacity; true when the server took them. */
  async saveSettings(queues: Audience[], capacity: number): Promise<boolean> {
    this.update((s) => ({ ...s, busy: true, settingsError: null }));
    const out = await this.command('advisor:settings', { queues, capacity });
    this.update((s) =>
      out.ok
        ? applyProfile({ ...s, busy: false }, out.data)
        : { ...s, busy: false, settingsError: out.error },
    );
    return out.ok;
  }

  /** Who could take a chat now; asked each time the transfer form opens. */
  async loadColleagues(): Promise<void> {
    const out = await this.command('advisors:list', {});
    this.update((s) => (out.ok ? applyColleagues(s, out.data.advisors) : { ...s, commandError: out.error }));
  }

  /** Hands the chat on with an internal note; true when done (`chat:released` then removes it). */
  async transfer(conversationId: string, to: TransferTarget, note: string): Promise<boolean> {
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.command('chat:transfer', { conversationId, to, note: note.trim() });
    this.update((s) => ({ ...s, busy: false, commandError: out.ok ? null : out.error }));
    // The colleague was away, paused or full: show who can take it now.
    if (!out.ok && out.error.code === 'TRANSFER_TARGET_UNAVAILABLE') await this.loadColleagues();
    return out.ok;
  }

  /** The canned replies usable now (shared and own); asked at each (re)connect. */
  async loadCanned(): Promise<void> {
    const out = await this.command('canned:list', {});
    if (out.ok) this.update((s) => ({ ...s, canned: out.data.replies }));
  }

  /** Saves one of the advisor's own canned replies (new without `id`); true when stored. */
  async saveCanned(reply: { id?: string; lang: 'it' | 'en'; title: string; text: string }): Promise<boolean> {
    const out = await this.command('canned:save', {
      ...reply,
      title: reply.title.trim(),
      text: reply.text.trim(),
    });
    if (!out.ok) this.update((s) => ({ ...s, commandError: out.error }));
    else await this.loadCanned();
    return out.ok;
  }

  async deleteCanned(id: string): Promise<void> {
    const out = await this.command('canned:delete', { id });
    if (!out.ok) this.update((s) => ({ ...s, commandError: out.error }));
    else this.update((s) => ({ ...s, canned: s.canned?.filter((r) => r.id !== id) ?? null }));
  }

  /** Adds an internal note to a chat held; true when stored (the form then empties). */
  async addNote(conversationId: string, text: string): Promise<boolean> {
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.command('chat:note', { conversationId, text: text.trim() });
    this.update((s) =>
      out.ok
        ? applyNote({ ...s, busy: false }, conversationId, out.data.note)
        : { ...s, busy: false, commandError: out.error },
    );
    return out.ok;
  }

  /** Closes a chat, saying how the case ended. */
  async close(conversationId: string, outcome: CaseOutcome): Promise<void> {
    this.update((s) => ({ ...s, busy: true, commandError: null }));
    const out = await this.command('chat:close', { conversationId, outcome });
    this.update((s) => {
      const next = { ...s, busy: false, commandError: out.ok ? null : out.error };
      return out.ok ? applyClosed(next, { conversationId, closedBy: 'advisor' }) : next;
    });
  }

  /** Open follow-ups of the queues served; only on request, since each one listed is an audited read. */
  async loadFollowUps(): Promise<void> {
    const out = await this.command('followup:list', {});
    this.update((s) => (out.ok ? applyFollowUps(s, out.data.followUps) : applyFollowUpError(s, out.error)));
  }

  /** True when the answer went out (the form then empties). */
  async answerFollowUp(id: string, text: string): Promise<boolean> {
    this.update((s) => ({ ...s, busy: true }));
    const out = await this.command('followup:answer', { id, text: text.trim() });
    this.update((s) =>
      out.ok
        ? applyFollowUpAnswered({ ...s, busy: false }, out.data.followUp)
        : applyFollowUpError({ ...s, busy: false }, out.error),
    );
    // Answered by a colleague meanwhile, or no longer our queue: show what is still open.
    if (!out.ok && out.error.code === 'FOLLOWUP_NOT_FOUND') {
      await this.loadFollowUps();
      this.update((s) => applyFollowUpError(s, out.error));
    }
    return out.ok;
  }
}
