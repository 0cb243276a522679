import {
  type AdvisorClientEvents,
  type AdvisorServerEvents,
  type AssignedConversation,
  AUDIENCES,
  type ChatMessage,
  NAMESPACES,
} from '@infocig/shared';
import { Link } from './link.ts';
import { MessageView } from './message-view.ts';
import {
  type ActorDeps,
  type AdvisorPlan,
  answerIdFor,
  LAST_QUESTION,
  randomBetween,
  sleep,
} from './workload.ts';

export type ReloadReason = 'unannounced' | 'silence';

interface HeldChat {
  busy: boolean;
  /** Something arrived while busy: look again before resting. */
  dirty: boolean;
  answered: Set<number>;
  lastActivity: number;
}

/**
 * An INPS advisor in the console: answers every visitor message of the chats it holds, closes a
 * chat after answering its last question (unless the visitor closes it), and resumes from
 * `session:ready` after every disconnect.
 */
export class AdvisorActor {
  readonly advisorId: string;
  readonly held = new Map<string, HeldChat>();
  /** The advisor's copy of every chat it ever held. */
  readonly views = new Map<string, MessageView>();
  /** Messages of chats not (yet) announced to this advisor, with when the first came. */
  private readonly unannounced = new Map<string, { since: number; messages: ChatMessage[] }>();
  readonly link: Link<AdvisorServerEvents, AdvisorClientEvents>;
  private stopped = false;
  /** Set while reloading for want of news: why, and how many messages it held before. */
  private reloading: { reason: ReloadReason; seen: number } | null = null;

  constructor(
    readonly plan: AdvisorPlan,
    private readonly deps: ActorDeps,
  ) {
    this.advisorId = plan.identity.sub;
    const { ledger } = deps;
    this.link = new Link<AdvisorServerEvents, AdvisorClientEvents>({
      namespace: NAMESPACES.advisor,
      token: () => deps.mint(plan.identity),
      pickUrl: () => deps.cluster.randomLive().url,
      counters: deps.counters,
      handlers: {
        'session:ready': ({ conversations }) => this.resume(conversations),
        'chat:assigned': (conversation) => this.adopt(conversation),
        'chat:message': (message) => this.received(message),
        'chat:released': ({ conversationId }) => {
          ledger.counts.releasedPushes++;
          this.held.delete(conversationId);
        },
        'chat:closed': ({ conversationId }) => this.held.delete(conversationId),
      },
    });
  }

  /** Connects and sets its capacity, serving both queues. */
  async open(): Promise<void> {
    await this.link.open();
    const settings = { queues: [...AUDIENCES], capacity: this.plan.capacity };
    const set = await this.link.command('advisor:settings', settings);
    if (!set.ok) throw new Error(`advisor:settings failed: ${set.error.code}`);
  }

  describe = () => `advisor ${this.advisorId} holding ${[...this.held.keys()].join(',') || 'nothing'}`;

  stop(): void {
    this.stopped = true;
    this.link.close();
  }

  /**
   * Why to reload the console, if at all: messages came for a chat nobody announced to this
   * advisor (its chat:assigned was lost), or a held chat has been silent for long (a push was lost).
   */
  needsReload(limits: { unannouncedMs: number; silentMs: number }, now = Date.now()): ReloadReason | null {
    for (const { since } of this.unannounced.values())
      if (now - since > limits.unannouncedMs) return 'unannounced';
    for (const chat of this.held.values()) if (now - chat.lastActivity > limits.silentMs) return 'silence';
    return null;
  }

  /** Reconnects to learn from `session:ready` which chats it holds, and all they say. */
  reload(reason: ReloadReason): void {
    this.deps.ledger.counts.advisorReloads[reason]++;
    this.reloading = { reason, seen: this.messagesSeen() };
    const now = Date.now();
    for (const pending of this.unannounced.values()) pending.since = now;
    for (const chat of this.held.values()) chat.lastActivity = now;
    void this.link.bounce(0);
  }

  private messagesSeen(): number {
    return [...this.views.values()].reduce((n, view) => n + view.bySeq.size, 0);
  }

  private resume(conversations: AssignedConversation[]): void {
    const listed = new Set(conversations.map((c) => c.id));
    for (const id of [...this.held.keys()]) {
      if (!listed.has(id)) {
        this.held.delete(id);
        this.background(this.checkReleased(id, this.link.lastOutageMs));
      }
    }
    const { counts } = this.deps.ledger;
    for (const conversation of conversations) {
      if (this.reloading?.reason === 'unannounced' && this.unannounced.has(conversation.id)) {
        const assignedAt = Date.parse(conversation.assignedAt);
        this.deps.ledger.neverAnnounced.push({ conversationId: conversation.id, assignedAt });
      }
      this.adopt(conversation);
    }
    // The rest were messages of chats this advisor no longer holds.
    this.unannounced.clear();
    if (this.reloading && this.messagesSeen() > this.reloading.seen) counts.advisorReloadsThatFoundNews++;
    this.reloading = null;
  }

  private adopt(conversation: AssignedConversation): void {
    const { ledger } = this.deps;
    const id = conversation.id;
    ledger.assignments.push({
      conversationId: id,
      advisorId: this.advisorId,
      assignedAt: Date.parse(conversation.assignedAt),
    });
    ledger.knownAt(ledger.assignedSeenAt, id);
    const view = this.views.get(id) ?? new MessageView();
    this.views.set(id, view);
    view.merge(conversation.messages);
    view.merge(this.unannounced.get(id)?.messages ?? []);
    this.unannounced.delete(id);
    const chat = this.held.get(id);
    if (chat) chat.lastActivity = Date.now();
    else this.held.set(id, { busy: false, dirty: false, answered: new Set(), lastActivity: Date.now() });
    this.background(this.serve(id));
  }

  private received(message: ChatMessage): void {
    const id = message.conversationId;
    const view = this.views.get(id);
    if (!this.held.has(id) || !view) {
      const pending = this.unannounced.get(id) ?? { since: Date.now(), messages: [] };
      pending.messages.push(message);
      this.unannounced.set(id, pending);
      return;
    }
    view.merge([message]);
    const chat = this.held.get(id);
    if (chat) chat.lastActivity = Date.now();
    this.background(this.serve(id));
  }

  /** A chat missing at resume: closed while away, or back in the queue because the grace ran out. */
  private async checkReleased(conversationId: string, outageMs: number): Promise<void> {
    const page = await this.link.command('chat:history', { conversationId });
    if (page.ok) {
      this.views.get(conversationId)?.merge(page.data.messages);
      return;
    }
    if (page.error.code !== 'CONVERSATION_FORBIDDEN') throw new Error(`chat:history: ${page.error.code}`);
    this.deps.ledger.counts.releasedWhileAway++;
    if (outageMs < this.deps.graceMs.advisor) this.deps.ledger.counts.releasedWithinGrace++;
  }

  /** Answers unanswered questions in order, then closes the chat after its last one. */
  private async serve(id: string): Promise<void> {
    const chat = this.held.get(id);
    const view = this.views.get(id);
    if (!chat || !view) return;
    if (chat.busy) {
      chat.dirty = true;
      return;
    }
    chat.busy = true;
    try {
      for (chat.dirty = true; chat.dirty && this.held.get(id) === chat; ) {
        chat.dirty = false;
        if (view.hasGap) await this.fill(id, view);
        const questions = view.list().filter((m) => m.author === 'visitor');
        const open = questions.find((q) => !chat.answered.has(q.seq) && !view.has(answerIdFor(id, q.seq)));
        if (open) {
          await sleep(randomBetween(200, 900));
          if (this.held.get(id) !== chat) return;
          if (!(await this.answer(id, open.seq))) return;
          chat.answered.add(open.seq);
          chat.dirty = true;
        } else if (questions.at(-1)?.text.endsWith(LAST_QUESTION.advisorCloses)) {
          const closing = await this.link.command('chat:close', { conversationId: id, outcome: 'settled' });
          if (!closing.ok && closing.error.code !== 'CONVERSATION_FORBIDDEN') {
            throw new Error(`chat:close failed: ${closing.error.code}`);
          }
          this.held.delete(id);
        }
      }
    } finally {
      chat.busy = false;
    }
  }

  /** Returns false when the chat is no longer this advisor's. */
  private async answer(id: string, seq: number): Promise<boolean> {
    const clientMessageId = answerIdFor(id, seq);
    const text = `Risposta a ${seq}`;
    const sent = await this.link.command('chat:send', { conversationId: id, clientMessageId, text });
    if (sent.ok) {
      this.deps.ledger.recordAck(clientMessageId, id, sent.data.seq);
      // Its own message joins its view on the ack, as a console shows it.
      const { name } = this.plan.identity;
      const own = { conversationId: id, clientMessageId, author: 'advisor' as const, authorName: name, text };
      this.views.get(id)?.merge([{ ...own, seq: sent.data.seq, sentAt: sent.data.sentAt }]);
      return true;
    }
    if (sent.error.code === 'CONVERSATION_FORBIDDEN' || sent.error.code === 'CONVERSATION_CLOSED') {
      this.held.delete(id);
      return false;
    }
    throw new Error(`chat:send failed: ${sent.error.code}`);
  }

  private async fill(id: string, view: MessageView): Promise<void> {
    this.deps.ledger.counts.gapsFilled++;
    const page = await this.link.command('chat:history', {
      conversationId: id,
      afterSeq: view.contiguousUpTo,
    });
    if (page.ok) view.merge(page.data.messages);
  }

  private background(work: Promise<void>): void {
    work.catch((err: unknown) => {
      if (!this.stopped) this.deps.ledger.problems.push(`advisor ${this.advisorId}: ${String(err)}`);
    });
  }
}
