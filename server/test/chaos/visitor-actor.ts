import {
  type ChatMessage,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorConversation,
  type VisitorServerEvents,
} from '@infocig/shared';
import { Link } from './link.ts';
import { MessageView } from './message-view.ts';
import {
  type ActorDeps,
  answerIdFor,
  LAST_QUESTION,
  randomBetween,
  sleep,
  type VisitorPlan,
} from './workload.ts';

/** Waiting this long with nothing happening, a visitor reloads the widget (reconnects). */
const IDLE_RELOAD_MS = 15_000;

/**
 * A person in the widget: asks for an advisor, asks a few questions one answer at a time, and
 * resumes after every disconnect from `session:ready` and `chat:history`.
 */
export class VisitorActor {
  readonly view = new MessageView();
  conversationId: string | null = null;
  closed = false;
  done = false;
  idleReloads = 0;
  /** What the visitor held when it last reloaded for want of news. */
  private beforeReload: { seen: number; closed: boolean } | null = null;
  readonly link: Link<VisitorServerEvents, VisitorClientEvents>;
  private wake: () => void = () => {};
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private stopped = false;

  constructor(
    readonly index: number,
    readonly plan: VisitorPlan,
    private readonly deps: ActorDeps,
  ) {
    const { ledger } = deps;
    this.link = new Link<VisitorServerEvents, VisitorClientEvents>({
      namespace: NAMESPACES.visitor,
      token: () => deps.mint(plan.identity),
      pickUrl: () => deps.cluster.randomLive().url,
      counters: deps.counters,
      handlers: {
        'session:ready': ({ conversation }) => this.resume(conversation),
        'chat:message': (message) => this.received(message),
        'chat:closed': ({ conversationId }) => {
          if (conversationId === this.conversationId) this.closed = true;
          this.wake();
        },
        'chat:assigned': ({ conversationId }) => ledger.knownAt(ledger.assignedSeenAt, conversationId),
        'chat:requeued': () => {
          ledger.counts.requeuedPushes++;
        },
      },
    });
  }

  async run(): Promise<void> {
    await sleep(this.plan.arriveAfterMs);
    await this.link.open();
    const requested = await this.link.command('chat:request', { topic: `Cassa integrazione ${this.index}` });
    if (!requested.ok) throw new Error(`chat:request failed: ${requested.error.code}`);
    this.adopt(requested.data.conversation.id);
    const conversationId = requested.data.conversation.id;

    for (let i = 1; i <= this.plan.messages && !this.closed; i++) {
      const last = i === this.plan.messages;
      const marker = last ? LAST_QUESTION[this.plan.closesItself ? 'visitorCloses' : 'advisorCloses'] : '';
      const clientMessageId = `v${this.index}-${i}`;
      const sent = await this.link.command('chat:send', {
        conversationId,
        clientMessageId,
        text: `Domanda ${i} ${marker}`.trim(),
      });
      if (!sent.ok) {
        if (sent.error.code === 'CONVERSATION_CLOSED') break;
        throw new Error(`chat:send failed: ${sent.error.code}`);
      }
      this.deps.ledger.recordAck(clientMessageId, conversationId, sent.data.seq);
      await this.until(() => this.closed || this.view.has(answerIdFor(conversationId, sent.data.seq)));
      await sleep(randomBetween(300, 1_500));
    }
    if (this.plan.closesItself && !this.closed) {
      const closing = await this.link.command('chat:close', { conversationId });
      if (!closing.ok) throw new Error(`chat:close failed: ${closing.error.code}`);
      this.closed = true;
    }
    await this.until(() => this.closed);
    await this.catchUp();
    this.done = true;
    this.link.close();
  }

  /** Where it stands, for a report when the run does not finish. */
  describe(): string {
    const state = {
      id: this.conversationId,
      closed: this.closed,
      connected: this.link.connected,
      seen: this.view.bySeq.size,
    };
    return `visitor ${this.index} ${JSON.stringify(state)}`;
  }

  stop(): void {
    this.stopped = true;
    this.link.close();
    this.wake();
  }

  private adopt(conversationId: string): void {
    this.conversationId ??= conversationId;
    if (this.conversationId !== conversationId) {
      this.deps.ledger.problems.push(
        `visitor ${this.index} was given ${conversationId} besides ${this.conversationId}`,
      );
    }
    this.deps.ledger.knownAt(this.deps.ledger.requestKnownAt, conversationId);
  }

  private resume(conversation: VisitorConversation | null): void {
    if (conversation) {
      this.adopt(conversation.id);
      if (conversation.status === 'active')
        this.deps.ledger.knownAt(this.deps.ledger.assignedSeenAt, conversation.id);
    } else if (this.conversationId) {
      // Closed while this visitor was away: the history still tells how it ended.
      this.closed = true;
    }
    this.background(this.catchUp());
    this.wake();
  }

  private received(message: ChatMessage): void {
    this.view.merge([message]);
    if (this.view.hasGap) {
      this.deps.ledger.counts.gapsFilled++;
      this.background(this.catchUp());
    }
    this.wake();
  }

  /** Asks for everything after the last seq held, until nothing more; one run at a time. */
  private catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const conversationId = this.conversationId;
    if (!conversationId) return Promise.resolve();
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        for (;;) {
          const page = await this.link.command('chat:history', {
            conversationId,
            afterSeq: this.view.contiguousUpTo,
          });
          if (!page.ok) throw new Error(`chat:history failed: ${page.error.code}`);
          this.view.merge(page.data.messages);
          if (!page.data.hasMore) break;
        }
      } while (this.catchUpAgain);
      const before = this.beforeReload;
      if (before && (this.view.bySeq.size > before.seen || this.closed !== before.closed)) {
        this.deps.ledger.counts.idleReloadsThatFoundNews++;
      }
      this.beforeReload = null;
      this.wake();
    })().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (this.stopped) throw new Error(`visitor ${this.index} stopped`);
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), IDLE_RELOAD_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!woken && !done()) {
        this.idleReloads++;
        this.beforeReload = { seen: this.view.bySeq.size, closed: this.closed };
        await this.link.bounce(0);
      }
    }
  }

  private background(work: Promise<void>): void {
    work.catch((err: unknown) => {
      if (!this.stopped) this.deps.ledger.problems.push(`visitor ${this.index}: ${String(err)}`);
    });
  }
}
