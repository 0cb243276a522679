import { type ChatMessage, handshakeAuth, NAMESPACES } from '@infocig/shared';
import { io, type Socket } from 'socket.io-client';
import type { Person, Target } from '../ipc.ts';
import { now } from './clock.ts';
import { command, type GeneratorContext, sendMessage, socketOptions, streamsTo } from './context.ts';

/** How long a scripted chat may take, queue included, before it counts as stalled and is closed. */
const STALL_MS = 180_000;

interface ClaimsAnswer {
  claims: unknown[];
}

/**
 * A person asking about their claims, as the widget behaves: connect with the portal's token, get
 * the claims answer, ask for an advisor, wait in the queue, chat, close and leave.
 */
export class Visitor {
  socket: Socket | undefined;
  conversationId: string | undefined;
  private connectedAt = 0;
  private requestedAt = 0;
  private assigned = false;
  private sent = 0;
  private got = 0;
  private closing = false;
  private stallTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: GeneratorContext,
    readonly person: Person,
    private readonly target: Target,
    private readonly url: string,
    private readonly chat: boolean,
  ) {}

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /**
   * Resolves once the socket is accepted (true) or refused (false); with `settled`, only once the
   * session is fully set up (the claims answer arrived), so a ramp goes at the pace the server serves.
   */
  async connect(settled = false): Promise<boolean> {
    const { ctx, person } = this;
    const auth =
      this.target === 'infocig'
        ? handshakeAuth(
            await ctx.mint({
              sub: person.sub,
              role: 'lavoratore',
              name: person.name,
              province: person.province,
            }),
          )
        : { ...person.relay };
    const startedAt = now();
    const socket = io(`${this.url}${NAMESPACES.visitor}`, socketOptions(ctx, auth));
    this.socket = socket;
    socket.on('claims:status', (payload: ClaimsAnswer) => {
      ctx.metrics.record('statusAnswer', now() - this.connectedAt);
      ctx.metrics.counters.claimsAnswers++;
      ctx.metrics.counters.claimsReturned += payload.claims.length;
    });
    socket.on('session:ready', (payload: { admission: { admitted: boolean } }) => {
      if (this.chat && payload.admission.admitted) this.request();
    });
    socket.on('chat:assigned', (payload: { conversationId: string }) =>
      this.onAssigned(payload.conversationId),
    );
    socket.on('queue:position', (payload: { position: number }) => {
      ctx.metrics.counters.positionUpdates++;
      ctx.metrics.counters.maxPosition = Math.max(ctx.metrics.counters.maxPosition, payload.position);
    });
    socket.on('chat:message', (message: ChatMessage) => this.onMessage(message));
    socket.on('disconnect', () => {
      ctx.metrics.counters.visitorsConnected--;
      this.stop();
      // Dropped by the server in the middle of a scripted chat: that chat has ended too.
      if (!this.closing && this.chat && ctx.behaviour.kind === 'script') {
        this.closing = true;
        ctx.metrics.counters.chatsEnded++;
      }
    });
    const sessionDone = new Promise<void>((resolve) => {
      socket.once('claims:status', () => resolve());
      socket.once('session:ready', (payload: { admission: { admitted: boolean } }) => {
        if (!payload.admission.admitted) resolve();
      });
      socket.once('disconnect', () => resolve());
    });
    const accepted = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => {
        this.connectedAt = now();
        ctx.metrics.record('connect', this.connectedAt - startedAt);
        ctx.metrics.counters.visitorsConnected++;
        if (this.target === 'relay' && person.relay) {
          this.conversationId = person.relay.conversationId;
          this.activate();
        }
        resolve(true);
      });
      socket.once('connect_error', () => {
        ctx.metrics.counters.connectFailures++;
        if (this.chat && ctx.behaviour.kind === 'script') ctx.metrics.counters.chatsEnded++;
        resolve(false);
      });
    });
    if (accepted && settled && this.target === 'infocig') await sessionDone;
    return accepted;
  }

  private request(): void {
    const socket = this.socket as Socket;
    if (this.ctx.behaviour.kind === 'script') {
      this.stallTimer = setTimeout(() => {
        this.ctx.metrics.counters.chatsStalled++;
        void this.close();
      }, STALL_MS);
    }
    this.requestedAt = now();
    this.ctx.metrics.counters.chatsRequested++;
    command<{ conversation: { id: string } }>(socket, 'chat:request', {
      topic: 'Pagamento CIG: quando arriva?',
    })
      .then(({ conversation }) => {
        this.ctx.metrics.record('requestAck', now() - this.requestedAt);
        this.conversationId ??= conversation.id;
      })
      .catch((error: unknown) => this.ctx.metrics.failed(error));
  }

  private onAssigned(conversationId: string): void {
    if (this.assigned) return;
    this.assigned = true;
    this.conversationId = conversationId;
    this.ctx.metrics.record('assignment', now() - this.requestedAt);
    this.ctx.metrics.counters.chatsAssigned++;
    this.activate();
  }

  /** The conversation is live: start sending as the current behaviour says. */
  private activate(): void {
    const { behaviour } = this.ctx;
    if (streamsTo(this.ctx, this.target)) this.ctx.pacer.add({ key: this.key, send: () => this.sendOne() });
    if (behaviour.kind === 'script') this.scheduleNext(behaviour.thinkMs);
  }

  private get key(): string {
    return `v:${this.person.sub}`;
  }

  private sendOne(): void {
    if (!this.socket?.connected || !this.conversationId) return;
    this.sent++;
    sendMessage(this.ctx, this.socket, 'visitor', this.conversationId);
  }

  private scheduleNext(thinkMs: number): void {
    setTimeout(() => this.sendOne(), thinkMs);
  }

  private onMessage(message: ChatMessage): void {
    const fresh = this.ctx.metrics.received('visitor', message);
    const { behaviour } = this.ctx;
    if (!fresh || behaviour.kind !== 'script' || message.author !== 'advisor') return;
    this.got++;
    const half = Math.ceil(behaviour.messagesPerChat / 2);
    if (this.sent < half) this.scheduleNext(behaviour.thinkMs);
    else if (this.got >= half) void this.close();
  }

  /** Starts or stops taking part in the open-loop stream, for a change of behaviour. */
  rejoin(): void {
    if (this.conversationId && this.socket?.connected && (this.assigned || this.target === 'relay')) {
      if (streamsTo(this.ctx, this.target)) this.activate();
      else this.ctx.pacer.remove(this.key);
    }
  }

  /** Closes the conversation (a completed chat when it went through) and leaves. */
  async close(): Promise<void> {
    if (this.closing || !this.socket) return;
    this.closing = true;
    this.stop();
    const socket = this.socket;
    const scripted = this.ctx.behaviour.kind === 'script';
    if (this.conversationId && socket.connected && this.target === 'infocig') {
      try {
        await command(socket, 'chat:close', { conversationId: this.conversationId });
        if (scripted) this.ctx.metrics.completed();
      } catch (error) {
        this.ctx.metrics.failed(error);
      }
      this.ctx.metrics.forget(this.conversationId);
    }
    if (scripted) {
      this.ctx.metrics.counters.chatsEnded++;
      socket.disconnect();
    }
  }

  disconnect(): void {
    this.stop();
    this.socket?.disconnect();
  }

  private stop(): void {
    this.ctx.pacer.remove(this.key);
    clearTimeout(this.stallTimer);
  }

  /** Reads the claims again: the `claims:get` command, timed. */
  async readClaims(): Promise<void> {
    if (!this.socket?.connected) return;
    const startedAt = now();
    try {
      const answer = await command<ClaimsAnswer>(this.socket, 'claims:get', {});
      this.ctx.metrics.record('claimsGet', now() - startedAt);
      this.ctx.metrics.counters.claimsAnswers++;
      this.ctx.metrics.counters.claimsReturned += answer.claims.length;
    } catch (error) {
      this.ctx.metrics.failed(error);
    }
  }
}
